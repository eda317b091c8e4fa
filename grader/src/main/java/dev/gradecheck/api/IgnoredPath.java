package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file of the submission the grader did not use, and why (provided class, test, resource, class file...).
 *
 * @param path where it sits in the submission, forward slashes
 * @param reason one sentence
 */
@API(status = API.Status.STABLE, since = "0.1")
public record IgnoredPath(String path, String reason) {

    public IgnoredPath {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
