package dev.gradecheck.submission;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file of the submission the grader does not use.
 *
 * @param submissionPath where it sits in the submission, relative, forward slashes
 * @param reason one sentence saying why, e.g. {@code provided class: the instructor's copy of
 *     backprop/linalg/Matrix.java is used}
 */
@API(status = API.Status.INTERNAL)
public record IgnoredFile(String submissionPath, String reason) {

    public IgnoredFile {
        Objects.requireNonNull(submissionPath, "submissionPath");
        Objects.requireNonNull(reason, "reason");
    }
}
