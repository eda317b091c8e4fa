package dev.gradecheck.cluster;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A worker's hold on a job: who holds it, until when, and a token that tells this lease from a later one on the same
 * job (after the job was put back and taken again). A worker renews it with {@link JobSource#heartbeat} before the
 * deadline; one that does not loses the job to the next taker.
 *
 * @param job      the job held
 * @param workerId the worker that holds it
 * @param deadline when the lease runs out unless renewed
 * @param token    unique to this lease
 */
@API(status = API.Status.EXPERIMENTAL)
public record Lease(Job job, String workerId, Instant deadline, String token) {

    public Lease {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(token, "token");
        if (workerId.isBlank() || token.isBlank()) {
            throw new IllegalArgumentException("a lease needs a worker id and a token");
        }
    }

    /** The job's submission hash. */
    public String submissionHash() {
        return job.submissionHash();
    }

    /** The same lease with a later deadline. */
    public Lease renewedUntil(Instant later) {
        return new Lease(job, workerId, later, token);
    }
}
