package dev.gradecheck.submission;

import dev.gradecheck.api.Finding;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A finding of {@link StudentFileLocator} with the declared student file it is about, so that it goes to the
 * exercise declaring that file without reading its message.
 *
 * @param declaredPath the student file as manifests declare it, e.g. {@code backprop/mlp/Mlp.java}
 * @param finding what is wrong with it: missing, declared twice, unreadable
 */
@API(status = API.Status.INTERNAL)
public record FileFinding(String declaredPath, Finding finding) {

    public FileFinding {
        Objects.requireNonNull(declaredPath, "declaredPath");
        Objects.requireNonNull(finding, "finding");
    }
}
