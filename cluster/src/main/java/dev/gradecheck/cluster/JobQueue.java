package dev.gradecheck.cluster;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The coordinator's side of a job queue, which is also a {@link JobSource} for the coordinator's own slots. Every
 * implementation keeps one contract (the contract tests run against each):
 * <ul>
 *   <li>{@link #submit} is idempotent by submission hash: a hash seen before is not queued again;</li>
 *   <li>a job is taken by one worker at a time, under a lease;</li>
 *   <li>a lease not renewed within the lease duration runs out, and its job goes back on the queue with its attempt
 *       counted up; after {@link QueueSettings#maxAttempts} attempts it is not gradable, with the reason;</li>
 *   <li>{@link #nextOutcome} gives exactly one {@link Outcome} per submitted hash, never two.</li>
 * </ul>
 * Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface JobQueue extends JobSource {

    /**
     * Puts {@code job} on the queue, unless its submission hash was submitted before. A job larger than the
     * queue's submission cap is not queued: its outcome is at once {@link Outcome.NotGradable}, saying so.
     *
     * @return true when the job was accepted (queued, or found too large), false when its hash was already submitted
     */
    boolean submit(Job job);

    /**
     * The next outcome, waiting up to {@code wait}.
     *
     * @return the outcome, or empty when none came within {@code wait}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<Outcome> nextOutcome(Duration wait) throws InterruptedException;

    /**
     * Puts back every job whose lease has run out now (the queue also does this by itself every
     * {@link QueueSettings#reapInterval}).
     *
     * @return how many leases ran out
     */
    int reclaimExpired();

    /** How many submitted jobs have no outcome yet. */
    int open();
}
