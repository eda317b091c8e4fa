package dev.gradecheck.ratelimit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** Whether a submission is graded under a course's {@link RateLimit}: {@link Allowed} or {@link Limited}. */
@API(status = API.Status.INTERNAL)
public sealed interface RateLimitDecision {

    /** The limit decided against. */
    RateLimit limit();

    /**
     * Graded: fewer than {@code limit.submissions()} graded submissions in the window before this one.
     *
     * @param limit the limit
     * @param earlier how many graded submissions the window holds before this one, {@code 0..submissions-1}
     */
    record Allowed(RateLimit limit, int earlier) implements RateLimitDecision {
        public Allowed {
            Objects.requireNonNull(limit, "limit");
            if (earlier < 0 || earlier >= limit.submissions()) {
                throw new IllegalArgumentException("an allowed submission has 0.." + (limit.submissions() - 1)
                        + " graded ones before it in the window, was " + earlier);
            }
        }
    }

    /**
     * Not graded: the window already holds {@code limit.submissions()} graded submissions.
     *
     * @param limit the limit
     * @param submittedAt this submission's time, the window's end
     * @param counted the graded submissions in the window, oldest first; at least {@code limit.submissions()}
     * @param resetsAt when the next submission would be graded: the moment enough counted ones have left the window
     * @param last the most recent earlier submission with a score (not an autograder error), whose score the
     *     student keeps
     */
    record Limited(RateLimit limit, OffsetDateTime submittedAt, List<PreviousSubmission> counted,
                   OffsetDateTime resetsAt, PreviousSubmission last) implements RateLimitDecision {
        public Limited {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(submittedAt, "submittedAt");
            counted = List.copyOf(Objects.requireNonNull(counted, "counted"));
            Objects.requireNonNull(resetsAt, "resetsAt");
            Objects.requireNonNull(last, "last");
            if (counted.size() < limit.submissions() || !last.graded()) {
                throw new IllegalArgumentException("a limited submission has at least " + limit.submissions()
                        + " graded ones in its window, and a graded last one");
            }
        }

        /** The score the student keeps: {@link #last}'s. */
        public double lastScore() {
            return last.score().orElseThrow();
        }
    }
}
