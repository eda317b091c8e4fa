package dev.gradecheck.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The job queue of one machine: the batch's own slots take from it, nothing leaves the JVM, nothing is signed (no
 * trust boundary is crossed). Leases, retries and idempotence as {@link JobQueue} says. Thread-safe; a daemon thread
 * reclaims expired leases every {@link QueueSettings#reapInterval} until {@link #close}.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class InProcessJobQueue implements JobQueue {

    private final QueueSettings settings;
    private final Clock clock;
    private final Ledger ledger;
    private final Deque<Job> pending = new ArrayDeque<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService reaper;
    private boolean closed;

    private InProcessJobQueue(QueueSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = new Ledger(settings);
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gradecheck-queue-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.reapInterval().toMillis();
        reaper.scheduleWithFixedDelay(this::reclaimExpired, every, every, TimeUnit.MILLISECONDS);
    }

    /** A queue with {@code settings}, its lease deadlines read from {@code clock}. */
    public static InProcessJobQueue create(QueueSettings settings, Clock clock) {
        return new InProcessJobQueue(settings, clock);
    }

    @Override
    public synchronized boolean submit(Job job) {
        if (ledger.knows(job.submissionHash())) {
            return false;
        }
        Optional<Outcome.NotGradable> tooLarge = ledger.submit(job);
        if (tooLarge.isPresent()) {
            outcomes.add(tooLarge.get());
        } else {
            pending.addLast(job);
            notifyAll();
        }
        return true;
    }

    @Override
    public Optional<Lease> take(String workerId, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (true) {
                Job job = nextOpen();
                if (job != null) {
                    Lease lease = new Lease(job, workerId, clock.instant().plus(settings.leaseDuration()),
                            UUID.randomUUID().toString());
                    leases.put(job.submissionHash(), lease);
                    return Optional.of(lease);
                }
                long left = end - System.nanoTime();
                if (closed || left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** The first pending job that is still open (one completed by a slow worker meanwhile is dropped). */
    private Job nextOpen() {
        while (!pending.isEmpty()) {
            Job job = pending.pollFirst();
            if (ledger.isOpen(job.submissionHash())) {
                return job;
            }
        }
        return null;
    }

    @Override
    public synchronized Optional<Lease> heartbeat(Lease lease) {
        if (!holds(lease)) {
            return Optional.empty();
        }
        Lease renewed = lease.renewedUntil(clock.instant().plus(settings.leaseDuration()));
        leases.put(lease.submissionHash(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized void complete(Lease lease, byte[] report) {
        if (holds(lease)) {
            leases.remove(lease.submissionHash());
        }
        ledger.completed(lease.submissionHash(), lease.workerId(), report).ifPresent(outcomes::add);
    }

    @Override
    public synchronized void fail(Lease lease, String reason) {
        if (holds(lease)) {
            leases.remove(lease.submissionHash());
            decide(ledger.attemptFailed(lease.submissionHash(), lease.job().attempt(),
                    "worker " + lease.workerId() + " could not grade it: " + reason));
        }
    }

    @Override
    public int reclaimExpired() {
        List<Lease> expired = new ArrayList<>();
        synchronized (this) {
            leases.values().removeIf(lease -> {
                boolean over = !lease.deadline().isAfter(clock.instant());
                if (over) {
                    expired.add(lease);
                }
                return over;
            });
            expired.forEach(lease -> decide(ledger.attemptFailed(lease.submissionHash(), lease.job().attempt(),
                    "worker " + lease.workerId() + "'s lease ran out at " + lease.deadline()
                            + " without a heartbeat")));
        }
        return expired.size();
    }

    @Override
    public Optional<Outcome> nextOutcome(Duration wait) throws InterruptedException {
        return Optional.ofNullable(outcomes.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public int open() {
        return ledger.openCount();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        reaper.shutdownNow();
        try {
            reaper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean holds(Lease lease) {
        Lease current = leases.get(lease.submissionHash());
        return current != null && current.token().equals(lease.token());
    }

    private void decide(Ledger.Decision decision) {
        if (decision instanceof Ledger.Requeue requeue) {
            pending.addLast(requeue.job());
            notifyAll();
        } else if (decision instanceof Ledger.GiveUp giveUp) {
            outcomes.add(giveUp.outcome());
        }
    }
}
