package dev.gradecheck.api;

import java.util.Objects;

/**
 * A student file the grader took from the submission.
 *
 * @param path where it sits in the submission, forward slashes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record GradedFile(String path, String sha256) {

    public GradedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
