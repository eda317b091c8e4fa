package dev.gradecheck.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What was graded, by which grader and suite, and how: everything needed to reproduce a report.
 *
 * @param submission the submission as given (path or URL)
 * @param gitCommit the commit graded, when the submission is a git repository
 * @param files every student file graded, sorted by path
 * @param graderVersion the grader's version
 * @param suiteHash SHA-256 over the exercises, the template's code and the solutions
 * @param isolation what isolated the student code
 * @param startedAt when grading started (from the grader's clock)
 * @param duration how long grading took
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Provenance(
        String submission,
        Optional<String> gitCommit,
        List<GradedFile> files,
        String graderVersion,
        String suiteHash,
        Isolation isolation,
        Instant startedAt,
        Duration duration) {

    public Provenance {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(gitCommit, "gitCommit");
        Objects.requireNonNull(graderVersion, "graderVersion");
        Objects.requireNonNull(suiteHash, "suiteHash");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        files = List.copyOf(files);
    }
}
