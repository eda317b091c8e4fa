package dev.gradecheck.submission;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A student file found in a submission and read as text.
 *
 * @param declaredPath the path the exercise manifest declares, relative to a source root, e.g.
 *     {@code backprop/mlp/Mlp.java}
 * @param submissionPath where the file sits in the submission, relative to its root, forward slashes, e.g.
 *     {@code src/main/java/backprop/mlp/Mlp.java} or {@code Mlp (1).java}
 * @param text the file's content, decoded as UTF-8, a leading byte-order mark removed
 * @param sha256 lower-case hex SHA-256 of the file's bytes as submitted
 */
@API(status = API.Status.INTERNAL)
public record StudentSource(String declaredPath, String submissionPath, String text, String sha256) {

    public StudentSource {
        Objects.requireNonNull(declaredPath, "declaredPath");
        Objects.requireNonNull(submissionPath, "submissionPath");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The fully qualified name of the class the declared path stands for, e.g. {@code backprop.mlp.Mlp}. */
    public String className() {
        return StudentFileLocator.classNameOf(declaredPath);
    }

    /** The file name shown in messages, e.g. {@code Mlp.java}. */
    public String fileName() {
        return submissionPath.substring(submissionPath.lastIndexOf('/') + 1);
    }
}
