package dev.gradecheck.cli;

import dev.gradecheck.GraderVersion;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.course.Course;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reports of a grading that broke after the arguments were read: {@code report.json} with status
 * {@code failed}, score 0 and the reason, and {@code results.json} with score 0 and the reason in its output, so an
 * LMS shows the student that grading failed instead of "the autograder failed to execute".
 */
final class LastResort {

    private LastResort() {
    }

    /** Writes the failure's reports into {@code outDirectory} and wraps {@code failure} with what was written. */
    static GradingFailed failed(Exception failure, String submission, Path courseRoot, Path outDirectory) {
        GradeReport report = GradeReport.failed(Failures.reason(failure), provenance(submission, courseRoot));
        try {
            return new GradingFailed(failure, List.of("Nothing was graded; the reports say why (score 0):"),
                    Reports.writeAll(report, outDirectory));
        } catch (IOException | RuntimeException e) {
            return new GradingFailed(failure, List.of("Nothing was graded, and " + Reports.unwritable(outDirectory,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e))), List.of());
        }
    }

    private static Provenance provenance(String submission, Path courseRoot) {
        Isolation none = new Isolation(true, false, System.getProperty("user.name", "unknown"), false,
                List.of("no student code ran: grading failed"));
        return new Provenance(submission, Optional.empty(), List.of(), GraderVersion.current(), suiteHash(courseRoot),
                none, Instant.now(), Duration.ZERO);
    }

    /** The suite hash when the course's files can still be read, else empty. */
    private static String suiteHash(Path courseRoot) {
        try {
            return Course.currentSuiteHash(courseRoot);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
