package dev.gradecheck.ratelimit;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A course's rate limit: at most {@code submissions} graded submissions in any rolling {@code window}.
 *
 * @param submissions how many submissions the window grades, at least 1
 * @param window the window's length, positive
 */
@API(status = API.Status.INTERNAL)
public record RateLimit(int submissions, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (submissions < 1) {
            throw new IllegalArgumentException("a rate limit grades at least 1 submission per window, was "
                    + submissions);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit's window must be positive, was " + window);
        }
    }

    /** {@code "3 graded submissions per 24 hours"}, for messages. */
    public String describe() {
        long minutes = window.toMinutes();
        String length = minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
        return plural(submissions, "graded submission") + " per " + length;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
