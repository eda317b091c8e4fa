package dev.gradecheck.ratelimit;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One entry of {@code previous_submissions}: when it was submitted, and its score unless that run ended in an
 * autograder error.
 *
 * @param submittedAt its {@code submission_time}
 * @param score its score; empty when the run ended in an autograder error (no score, no results, or a gradecheck
 *     results.json that says nothing was graded), which a rate limit does not count
 * @param scoreVisibility the Gradescope visibility its results gave the score: {@code visible}, or the strictest of
 *     its tests' and its own non-visible settings ({@code hidden}, {@code after_published}, {@code after_due_date}),
 *     since Gradescope hides the total while any test is hidden
 */
@API(status = API.Status.INTERNAL)
public record PreviousSubmission(OffsetDateTime submittedAt, Optional<Double> score, String scoreVisibility) {

    public PreviousSubmission {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(scoreVisibility, "scoreVisibility");
    }

    /** Whether the run produced a score; only those count against a limit. */
    public boolean graded() {
        return score.isPresent();
    }
}
