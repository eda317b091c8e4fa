package dev.gradecheck.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/**
 * A worker's grading loop: {@code slots} threads, each taking a job from the {@link JobSource} only when it is free
 * (pull, never push), renewing the lease every {@code heartbeat} while the {@link JobGrader} grades, then completing
 * the job, or failing it when the grader threw. A lease lost meanwhile (the job went to another worker) is let go:
 * the report still goes back, and the coordinator keeps the first. Thread-safe; {@link #close} stops taking, lets the
 * running gradings end, and stops every thread.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Worker implements AutoCloseable {

    private static final Duration TAKE_WAIT = Duration.ofMillis(500);

    private final JobSource source;
    private final JobGrader grader;
    private final String workerId;
    private final Duration heartbeat;
    private final List<Thread> slots = new ArrayList<>();
    private final ScheduledExecutorService beats;
    private volatile boolean stopping;

    private Worker(JobSource source, JobGrader grader, String workerId, Duration heartbeat) {
        this.source = Objects.requireNonNull(source, "source");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gradecheck-heartbeat-" + workerId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts {@code slots} slots named {@code workerId/1} .. {@code workerId/N}, heartbeating every {@code heartbeat}
     * (a third of the lease duration is a good choice).
     */
    public static Worker start(JobSource source, JobGrader grader, String workerId, int slots, Duration heartbeat) {
        if (slots < 1 || slots > 256) {
            throw new IllegalArgumentException("a worker has 1..256 slots, was " + slots);
        }
        Worker worker = new Worker(source, grader, workerId, heartbeat);
        for (int slot = 1; slot <= slots; slot++) {
            String id = workerId + "/" + slot;
            Thread thread = new Thread(() -> worker.run(id), "gradecheck-slot-" + id);
            thread.setDaemon(true);
            worker.slots.add(thread);
            thread.start();
        }
        return worker;
    }

    private void run(String slotId) {
        while (!stopping) {
            try {
                Optional<Lease> lease = source.take(slotId, TAKE_WAIT);
                if (lease.isPresent()) {
                    grade(lease.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                pause();
            }
        }
    }

    private void grade(Lease lease) {
        AtomicReference<Lease> current = new AtomicReference<>(lease);
        long every = heartbeat.toMillis();
        ScheduledFuture<?> beat = beats.scheduleWithFixedDelay(() -> beat(current), every, every,
                TimeUnit.MILLISECONDS);
        try {
            byte[] report = grader.grade(lease.job());
            beat.cancel(false);
            source.complete(current.get(), report);
        } catch (Exception e) {
            beat.cancel(false);
            source.fail(current.get(), e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }

    /** Renews the lease; a failed renewal (the cluster re-forming) is tried again at the next beat. */
    private void beat(AtomicReference<Lease> current) {
        try {
            source.heartbeat(current.get()).ifPresent(current::set);
        } catch (RuntimeException e) {
            // The next beat tries again; a lease that runs out meanwhile goes to another worker.
        }
    }

    /** After an error of the queue itself (the cluster is re-forming): wait a little rather than spin. */
    private void pause() {
        try {
            Thread.sleep(TAKE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking jobs, waits for the running gradings, stops the heartbeats. */
    @Override
    public void close() {
        stopping = true;
        for (Thread slot : slots) {
            try {
                slot.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                slot.interrupt();
            }
        }
        beats.shutdownNow();
    }
}
