package dev.gradecheck.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The coordinator's own record of a batch's jobs, the one every queue implementation decides with, so that they
 * cannot drift apart: which submission hashes were submitted, which attempt each is on, which have their outcome.
 * Only the coordinator holds one; what workers write into a shared structure is never taken as the truth without it.
 * Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Ledger {

    /** What to do with a job whose attempt failed. */
    public sealed interface Decision permits Requeue, GiveUp, Ignore {
    }

    /** Put {@code job} (the next attempt) back on the queue. */
    public record Requeue(Job job) implements Decision {
    }

    /** No attempts left: this is the job's outcome. */
    public record GiveUp(Outcome.NotGradable outcome) implements Decision {
    }

    /** The job already has its outcome, or this attempt is not the current one: nothing to do. */
    public record Ignore() implements Decision {
    }

    private final QueueSettings settings;
    private final Map<String, Job> open = new HashMap<>();
    private final Map<String, Boolean> known = new HashMap<>();

    public Ledger(QueueSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Records {@code job} as submitted.
     *
     * @return the outcome at once when the job is too large, empty when it is to be queued
     * @throws IllegalStateException when its hash was submitted before (ask {@link #knows} first)
     */
    public synchronized Optional<Outcome.NotGradable> submit(Job job) {
        if (known.putIfAbsent(job.submissionHash(), Boolean.TRUE) != null) {
            throw new IllegalStateException(job.submissionHash() + " was submitted before");
        }
        if (job.size() > settings.maxSubmissionBytes()) {
            return Optional.of(new Outcome.NotGradable(job.submissionHash(), job.student(), "the submission is "
                    + job.size() + " bytes zipped, over the cluster's cap of " + settings.maxSubmissionBytes()
                    + " bytes: make it smaller (leave out build output and data files) or grade it on one machine"));
        }
        open.put(job.submissionHash(), job);
        return Optional.empty();
    }

    /** Whether {@code submissionHash} was submitted. */
    public synchronized boolean knows(String submissionHash) {
        return known.containsKey(submissionHash);
    }

    /** Whether {@code submissionHash} is submitted and still has no outcome. */
    public synchronized boolean isOpen(String submissionHash) {
        return open.containsKey(submissionHash);
    }

    /** How many submitted jobs have no outcome yet. */
    public synchronized int openCount() {
        return open.size();
    }

    /**
     * A report for {@code submissionHash} came in.
     *
     * @return its outcome when it is the first, empty when the job has its outcome already or was never submitted
     */
    public synchronized Optional<Outcome.Graded> completed(String submissionHash, String workerId, byte[] report) {
        Job job = open.remove(submissionHash);
        return job == null ? Optional.empty()
                : Optional.of(new Outcome.Graded(submissionHash, job.student(), workerId, report));
    }

    /**
     * Attempt {@code attempt} of {@code submissionHash} failed ({@code reason}: the lease ran out, the worker left,
     * its grader broke).
     */
    public synchronized Decision attemptFailed(String submissionHash, int attempt, String reason) {
        Job job = open.get(submissionHash);
        if (job == null || job.attempt() != attempt) {
            return new Ignore();
        }
        if (attempt >= settings.maxAttempts()) {
            open.remove(submissionHash);
            return new GiveUp(new Outcome.NotGradable(submissionHash, job.student(), "not graded after " + attempt
                    + " attempt" + (attempt == 1 ? "" : "s") + "; the last: " + reason));
        }
        Job next = job.nextAttempt();
        open.put(submissionHash, next);
        return new Requeue(next);
    }
}
