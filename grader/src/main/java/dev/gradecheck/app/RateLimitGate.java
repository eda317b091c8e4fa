package dev.gradecheck.app;

import dev.gradecheck.course.CourseException;
import dev.gradecheck.ratelimit.MetadataException;
import dev.gradecheck.ratelimit.RateLimit;
import dev.gradecheck.ratelimit.RateLimitDecision;
import dev.gradecheck.ratelimit.RateLimitReader;
import dev.gradecheck.ratelimit.RateLimitedResults;
import dev.gradecheck.ratelimit.RateLimiter;
import dev.gradecheck.ratelimit.SubmissionMetadataReader;
import dev.gradecheck.report.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The course's rate limit, before anything is graded: with a limit in {@code course.json} and the request's
 * submission metadata, a submission over the limit is not graded — its {@code results.json} (only that file: the
 * limit is Gradescope's notion) keeps the last score and says when the limit resets. Without metadata, or with
 * metadata that cannot be read, no limit applies and one line on {@code text} (the autograder log, which
 * instructors read) says why: a broken platform file is not the student's doing, so it does not cost them a grading.
 */
final class RateLimitGate {

    private RateLimitGate() {
    }

    /**
     * The exit code of a submission the limit stops, after its {@code results.json} was written; empty when it is
     * to be graded.
     *
     * @throws CourseException when the course's limit is invalid
     * @throws ReportsNotWritten when {@code results.json} cannot be written
     */
    static Optional<ExitCode> stop(GradingRequest request, Path courseRoot, Path outDirectory, PrintWriter text)
            throws CourseException, ReportsNotWritten {
        Optional<RateLimit> limit = RateLimitReader.read(courseRoot);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        if (request.submissionMetadata().isEmpty()) {
            text.println("Rate limit (" + limit.get().describe() + "): not applied, as no --submission-metadata "
                    + "was given (the Gradescope kit passes it).");
            return Optional.empty();
        }
        Path file = request.resolve(request.submissionMetadata().get());
        RateLimitDecision decision;
        try {
            decision = RateLimiter.decide(limit.get(), SubmissionMetadataReader.read(file));
        } catch (MetadataException e) {
            text.println(Escape.terminal("Rate limit (" + limit.get().describe() + "): not applied, this submission "
                    + "is graded — " + e.getMessage()));
            return Optional.empty();
        }
        if (decision instanceof RateLimitDecision.Allowed allowed) {
            text.println("Rate limit (" + limit.get().describe() + "): graded submission " + (allowed.earlier() + 1)
                    + " of " + limit.get().submissions() + " in the window.");
            return Optional.empty();
        }
        return Optional.of(limited((RateLimitDecision.Limited) decision, outDirectory, text));
    }

    private static ExitCode limited(RateLimitDecision.Limited limited, Path outDirectory, PrintWriter text)
            throws ReportsNotWritten {
        Path written;
        try {
            written = RateLimitedResults.write(limited, outDirectory);
        } catch (IOException e) {
            throw new ReportsNotWritten("the rate limit stopped this submission, but "
                    + Reports.unwritable(outDirectory, e), e);
        }
        text.println("Not graded: over the rate limit (" + limited.limit().describe() + "); resets at "
                + limited.resetsAt() + "; the last graded score stays.");
        text.println("Reports written to:");
        text.println("  " + Escape.terminal(written.toString()));
        return ExitCode.OK;
    }
}
