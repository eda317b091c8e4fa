package dev.gradecheck.app;

import dev.gradecheck.Grader;
import dev.gradecheck.api.GradeReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The reports of a grading that broke after the request was read: {@code report.json} with status {@code failed},
 * score 0 and the reason ({@link ErrorMessages#reason}), and {@code results.json} with score 0 and the reason in its
 * output, so an LMS shows the student that grading failed instead of "the autograder failed to execute". Used by
 * {@link Tasks}, so a one-off grading and a served one write the same reports.
 */
final class LastResort {

    private LastResort() {
    }

    /** Writes the failure's reports into {@code outDirectory} and wraps {@code failure} with what was written. */
    static GradingFailed failed(Exception failure, String submission, Path courseRoot, Path outDirectory) {
        GradeReport report = Grader.failure(courseRoot, submission, ErrorMessages.reason(failure));
        try {
            return new GradingFailed(failure, List.of("Nothing was graded; the reports say why (score 0):"),
                    Reports.writeAll(report, outDirectory));
        } catch (IOException | RuntimeException e) {
            return new GradingFailed(failure, List.of("Nothing was graded, and " + Reports.unwritable(outDirectory,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e))), List.of());
        }
    }
}
