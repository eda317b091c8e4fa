package dev.gradecheck.cluster;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The worker's side of a job queue: take a job when a slot is free, keep the lease alive while grading, hand back the
 * report (or say why the job could not be graded here). Thread-safe: every slot of a worker calls it at once.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface JobSource extends AutoCloseable {

    /**
     * The next job, leased to {@code workerId} for the queue's lease duration; waits up to {@code wait} for one.
     *
     * @return the lease, or empty when no job came within {@code wait} or the queue is closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<Lease> take(String workerId, Duration wait) throws InterruptedException;

    /**
     * Renews {@code lease} for another lease duration.
     *
     * @return the renewed lease, or empty when it is no longer held (it ran out and the job was put back, or the job
     *         was completed); the worker may then stop grading it
     */
    Optional<Lease> heartbeat(Lease lease);

    /**
     * Hands back the report of {@code lease}'s job. The first report of a submission hash to reach the coordinator
     * is its outcome; any later one (a slow worker whose lease ran out) is dropped. Never blocks for long.
     */
    void complete(Lease lease, byte[] report);

    /**
     * Says that this worker could not grade {@code lease}'s job (its grader broke, not the student's code: that is
     * a report). The job is put back for another attempt, or, after the last, reported not gradable with
     * {@code reason}.
     */
    void fail(Lease lease, String reason);

    /** Stops waiting takers; jobs still leased are left to their leases. */
    @Override
    void close();
}
