package dev.gradecheck.ratelimit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Decides whether a submission is graded under a {@link RateLimit}, from the submission metadata alone: the window
 * is the {@code window} before this submission's {@code created_at} (a previous submission at {@code t} counts while
 * {@code t > created_at - window}), so a regrade, whenever it runs, decides the same. Only earlier submissions
 * ({@code submission_time < created_at}) count, in time order whatever the file's order, and of those only the ones
 * that were graded: a run that ended in an autograder error does not count, nor does one that this limit refused —
 * which earlier runs it refused is replayed from their times (a submission is graded iff fewer than {@code K} graded
 * ones precede it within the window), so the answer depends on neither what earlier results.json files say about
 * the limit nor the order Gradescope lists them in. The score the student keeps is the most recent earlier run's
 * that has one (Gradescope's current score: a refused run's results.json carried the score before it). Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class RateLimiter {

    private RateLimiter() {
    }

    /** The decision for the submission {@code metadata} describes. */
    public static RateLimitDecision decide(RateLimit limit, SubmissionMetadata metadata) {
        OffsetDateTime now = metadata.createdAt();
        List<PreviousSubmission> earlier = metadata.previous().stream().filter(PreviousSubmission::graded)
                .filter(previous -> previous.submittedAt().isBefore(now))
                .sorted(Comparator.comparing(PreviousSubmission::submittedAt)).toList();
        List<PreviousSubmission> graded = replay(limit, earlier);
        List<PreviousSubmission> counted = inWindow(limit, graded, now);
        if (counted.size() < limit.submissions()) {
            return new RateLimitDecision.Allowed(limit, counted.size());
        }
        OffsetDateTime resetsAt = counted.get(counted.size() - limit.submissions()).submittedAt()
                .plus(limit.window());
        return new RateLimitDecision.Limited(limit, now, counted, resetsAt, earlier.get(earlier.size() - 1));
    }

    /** The submissions among {@code ordered} (oldest first) the limit graded. */
    private static List<PreviousSubmission> replay(RateLimit limit, List<PreviousSubmission> ordered) {
        List<PreviousSubmission> graded = new ArrayList<>();
        for (PreviousSubmission submission : ordered) {
            if (inWindow(limit, graded, submission.submittedAt()).size() < limit.submissions()) {
                graded.add(submission);
            }
        }
        return graded;
    }

    private static List<PreviousSubmission> inWindow(RateLimit limit, List<PreviousSubmission> graded,
                                                     OffsetDateTime end) {
        OffsetDateTime start = end.minus(limit.window());
        return graded.stream().filter(previous -> previous.submittedAt().isAfter(start)
                && previous.submittedAt().isBefore(end)).toList();
    }
}
