package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A student file the grader took from the submission.
 *
 * @param path where it sits in the submission, forward slashes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
@API(status = API.Status.STABLE, since = "0.1")
public record GradedFile(String path, String sha256) {

    public GradedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
