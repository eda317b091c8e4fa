package dev.gradecheck.app;

import dev.gradecheck.Grader;
import dev.gradecheck.api.GradeReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The reports of a grading that broke after the request was read, in every format the request asks for (the defaults:
 * {@code report.json} with status {@code failed} and {@code results.json}): score 0 and the reason
 * ({@link ErrorMessages#reason}) where the student reads it, so an LMS shows the student that grading failed instead
 * of "the autograder failed to execute". Used by {@link Tasks}, so a one-off grading and a served one write the same
 * reports.
 */
final class LastResort {

    private LastResort() {
    }

    /**
     * Writes the failure's reports in {@code request}'s formats into {@code outDirectory} and wraps {@code failure}
     * with what was written.
     */
    static GradingFailed failed(Exception failure, GradingRequest request, String submission, Path courseRoot,
                                Path outDirectory) {
        GradeReport report = Grader.failure(courseRoot, submission, ErrorMessages.reason(failure));
        try {
            return new GradingFailed(failure, List.of("Nothing was graded; the reports say why (score 0):"),
                    Reports.write(report, outDirectory, request));
        } catch (IOException | RuntimeException e) {
            return new GradingFailed(failure, List.of("Nothing was graded, and " + Reports.unwritable(outDirectory,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e))), List.of());
        }
    }
}
