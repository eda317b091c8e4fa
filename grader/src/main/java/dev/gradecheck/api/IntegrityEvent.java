package dev.gradecheck.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One kind of tampering the grader saw on a child JVM's event channel during one grading, for the instructor: lines
 * that were not authentic events, and authentic-looking events that broke the runner's protocol. Identical
 * observations (same kind, test and detail) are counted in one event.
 *
 * @param kind what was seen
 * @param test the test that was running when it was seen (for a rejected line) or that the event was about; empty
 *     when no test was running
 * @param detail one plain sentence, without anything that depends on timing
 * @param count how many times, {@code >= 1}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record IntegrityEvent(Kind kind, Optional<TestId> test, String detail, int count) {

    /** What was seen. */
    public enum Kind {
        /** A line that is not a signed frame at all: something other than the runner wrote to the channel. */
        NOT_A_FRAME,
        /** A frame whose MAC does not verify: forged, or signed with another key. */
        BAD_SIGNATURE,
        /** A line longer than any event the runner writes. */
        OVERLONG_LINE,
        /** A frame with a valid MAC whose payload is no event the runner writes. */
        UNDECODABLE,
        /** A valid frame whose sequence number is not the next one: replayed, reordered or a frame left out. */
        OUT_OF_SEQUENCE,
        /** The channel's file shrank: someone truncated it. */
        TRUNCATED,
        /** An event about a test the job did not ask for. */
        UNKNOWN_TEST,
        /** A second result for a test that already had one (the first, authentic one is kept). */
        SECOND_RESULT,
        /** An event about a test other than the one running, or a claim of success for a test that never started. */
        NOT_RUNNING_TEST;

        /** The name in reports: {@code NOT_A_FRAME} is {@code not-a-frame}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public IntegrityEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(detail, "detail");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
