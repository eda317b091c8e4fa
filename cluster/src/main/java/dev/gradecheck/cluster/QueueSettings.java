package dev.gradecheck.cluster;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a job queue treats its jobs: how long a lease lasts without a heartbeat, how many times a job is tried before it
 * is reported not gradable, the largest submission it sends, and how often it looks for leases that ran out.
 *
 * @param leaseDuration      a lease's length from its take or last heartbeat, 100 ms .. 1 h
 * @param maxAttempts        tries per job, 1..20
 * @param maxSubmissionBytes the largest zip sent, 1 byte .. 256 MiB
 * @param reapInterval       how often expired leases are looked for, 10 ms .. 1 h
 */
@API(status = API.Status.EXPERIMENTAL)
public record QueueSettings(Duration leaseDuration, int maxAttempts, int maxSubmissionBytes, Duration reapInterval) {

    /** 30 s leases, 3 attempts, 16 MiB submissions, a look every 5 s. */
    public static final QueueSettings DEFAULTS =
            new QueueSettings(Duration.ofSeconds(30), 3, 16 << 20, Duration.ofSeconds(5));

    public QueueSettings {
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(reapInterval, "reapInterval");
        within("leaseDuration", leaseDuration, Duration.ofMillis(100), Duration.ofHours(1));
        within("reapInterval", reapInterval, Duration.ofMillis(10), Duration.ofHours(1));
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
        }
        if (maxSubmissionBytes < 1 || maxSubmissionBytes > (256 << 20)) {
            throw new IllegalArgumentException("maxSubmissionBytes must be 1..268435456, was " + maxSubmissionBytes);
        }
    }

    private static void within(String name, Duration value, Duration least, Duration most) {
        if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new IllegalArgumentException(name + " must be " + least + ".." + most + ", was " + value);
        }
    }

    /** These settings with another lease length. */
    public QueueSettings withLeaseDuration(Duration duration) {
        return new QueueSettings(duration, maxAttempts, maxSubmissionBytes, reapInterval);
    }

    /** These settings with another number of attempts. */
    public QueueSettings withMaxAttempts(int attempts) {
        return new QueueSettings(leaseDuration, attempts, maxSubmissionBytes, reapInterval);
    }

    /** These settings with another submission cap. */
    public QueueSettings withMaxSubmissionBytes(int bytes) {
        return new QueueSettings(leaseDuration, maxAttempts, bytes, reapInterval);
    }

    /** These settings with another reaping interval. */
    public QueueSettings withReapInterval(Duration interval) {
        return new QueueSettings(leaseDuration, maxAttempts, maxSubmissionBytes, interval);
    }
}
