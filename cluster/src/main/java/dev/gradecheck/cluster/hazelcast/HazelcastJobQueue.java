package dev.gradecheck.cluster.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.ClusterRefused;
import dev.gradecheck.cluster.Envelopes;
import dev.gradecheck.cluster.Job;
import dev.gradecheck.cluster.JobQueue;
import dev.gradecheck.cluster.JobSource;
import dev.gradecheck.cluster.Lease;
import dev.gradecheck.cluster.Ledger;
import dev.gradecheck.cluster.Outcome;
import dev.gradecheck.cluster.QueueSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The job queue on a Hazelcast cluster, as Artemis's build agents share theirs: an {@code IQueue} of signed jobs that
 * workers pull from when a slot is free, an {@code IMap} of signed leases (the running jobs, with the member that runs
 * each), an {@code IQueue} of signed results. The coordinator — the member that made the queue with
 * {@link #coordinator} — alone decides, from its own {@link Ledger}: it drains the results, reclaims leases that ran
 * out or whose member left the cluster (at once, from the membership event), requeues or gives up, and marks finished
 * jobs done. Workers join with {@link #worker}, which refuses a course whose suite hash differs from the batch's.
 * Every envelope is checked with the batch's {@link ClusterKey}; what fails is dropped and handed to the log.
 * Thread-safe; {@link #close} stops the coordinator's two threads (the member is its owner's to shut down).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class HazelcastJobQueue implements JobQueue {

    private static final String BATCH_KEY = "batch";
    private static final String COORDINATOR_KEY = "coordinator";
    private static final Duration DRAIN_SLICE = Duration.ofMillis(200);

    private final HazelcastInstance hazelcast;
    private final Envelopes envelopes;
    private final String suiteHash;
    private final Clock clock;
    private final Consumer<String> log;
    private final Ledger ledger;
    private final HazelcastJobSource source;
    private final IQueue<byte[]> jobs;
    private final IQueue<byte[]> results;
    private final IMap<String, byte[]> leases;
    private final IMap<String, byte[]> done;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService reaper;
    private final Thread drainer;
    private final UUID membership;
    private volatile boolean closed;

    private HazelcastJobQueue(HazelcastInstance hazelcast, ClusterKey key, String namespace, String suiteHash,
            QueueSettings settings, Clock clock, Consumer<String> log) {
        Names names = new Names(namespace);
        this.hazelcast = hazelcast;
        this.envelopes = Envelopes.of(key, namespace, settings.maxSubmissionBytes());
        this.suiteHash = suiteHash;
        this.clock = clock;
        this.log = log;
        this.ledger = new Ledger(settings);
        this.source = new HazelcastJobSource(hazelcast, names, envelopes, suiteHash, settings, clock, log);
        this.jobs = hazelcast.getQueue(names.jobs());
        this.results = hazelcast.getQueue(names.results());
        this.leases = hazelcast.getMap(names.leases());
        this.done = hazelcast.getMap(names.done());
        hazelcast.<String, byte[]>getMap(names.batch()).put(COORDINATOR_KEY, hazelcast.getCluster().getLocalMember()
                .getUuid().toString().getBytes(StandardCharsets.UTF_8));
        hazelcast.<String, byte[]>getMap(names.batch()).put(BATCH_KEY, envelopes.batch(suiteHash));
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "gradecheck-reaper"));
        long every = settings.reapInterval().toMillis();
        reaper.scheduleWithFixedDelay(this::reclaimQuietly, every, every, TimeUnit.MILLISECONDS);
        this.membership = hazelcast.getCluster().addMembershipListener(new Departures());
        this.drainer = daemon(this::drain, "gradecheck-results");
        drainer.start();
    }

    /**
     * The coordinator's queue of batch {@code namespace} on {@code hazelcast}: publishes the batch's signed
     * description (its suite hash) for workers to check, and starts reclaiming and draining.
     *
     * @param log where refusals go (a forged job, lease or result; a result graded with another course)
     */
    public static HazelcastJobQueue coordinator(HazelcastInstance hazelcast, ClusterKey key, String namespace,
            String suiteHash, QueueSettings settings, Clock clock, Consumer<String> log) {
        return new HazelcastJobQueue(Objects.requireNonNull(hazelcast, "hazelcast"), key, namespace, suiteHash,
                settings, clock, log);
    }

    /**
     * A worker's view of batch {@code namespace}, once the coordinator has published it (waits up to {@code wait}).
     *
     * @param suiteHash the suite hash of the course on this machine
     * @throws ClusterRefused when no coordinator published the batch in time, its description is not signed with
     *         {@code key}, or its suite hash differs from {@code suiteHash} (the message names both)
     */
    public static JobSource worker(HazelcastInstance hazelcast, ClusterKey key, String namespace, String suiteHash,
            QueueSettings settings, Clock clock, Consumer<String> log, Duration wait)
            throws ClusterRefused, InterruptedException {
        Names names = new Names(namespace);
        Envelopes envelopes = Envelopes.of(key, namespace, settings.maxSubmissionBytes());
        String batchSuite = batchSuiteHash(hazelcast.getMap(names.batch()), envelopes, namespace, wait);
        if (!batchSuite.equals(suiteHash)) {
            throw new ClusterRefused("this worker's course has suite hash " + suiteHash + " but batch " + namespace
                    + " grades with suite hash " + batchSuite + ": check out the coordinator's version of the course"
                    + " on this machine, then start the worker again");
        }
        return new HazelcastJobSource(hazelcast, names, envelopes, suiteHash, settings, clock, log);
    }

    /**
     * The member id of batch {@code namespace}'s coordinator, as it published it, for a worker to watch: when that
     * member leaves, the batch is over (or its coordinator died), and the worker waits for the next one. Only a hint:
     * a forged id can make workers leave, which any member that reaches the port can do anyway; it forges no result.
     */
    public static Optional<String> coordinatorOf(HazelcastInstance hazelcast, String namespace) {
        byte[] id = hazelcast.<String, byte[]>getMap(new Names(namespace).batch()).get(COORDINATOR_KEY);
        return id == null ? Optional.empty() : Optional.of(new String(id, StandardCharsets.UTF_8));
    }

    private static String batchSuiteHash(IMap<String, byte[]> batch, Envelopes envelopes, String namespace,
            Duration wait) throws ClusterRefused, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        byte[] description;
        while ((description = batch.get(BATCH_KEY)) == null) {
            if (System.nanoTime() > end) {
                throw new ClusterRefused("no coordinator published batch " + namespace + " within " + wait
                        + ": start the batch with --cluster first, and give this worker its address with --join");
            }
            Thread.sleep(100);
        }
        try {
            return envelopes.batch(description);
        } catch (Envelopes.Rejected rejected) {
            throw new ClusterRefused("batch " + namespace + " is not signed with this worker's cluster key ("
                    + rejected.getMessage() + "): copy the coordinator's key file to this machine, mode 0600");
        }
    }

    @Override
    public boolean submit(Job job) {
        if (ledger.knows(job.submissionHash())) {
            return false;
        }
        Optional<Outcome.NotGradable> tooLarge = ledger.submit(job);
        if (tooLarge.isPresent()) {
            finish(tooLarge.get());
        } else {
            jobs.offer(envelopes.job(job));
        }
        return true;
    }

    @Override
    public Optional<Lease> take(String workerId, Duration wait) throws InterruptedException {
        return source.take(workerId, wait);
    }

    @Override
    public Optional<Lease> heartbeat(Lease lease) {
        return source.heartbeat(lease);
    }

    @Override
    public void complete(Lease lease, byte[] report) {
        source.complete(lease, report);
    }

    @Override
    public void fail(Lease lease, String reason) {
        source.fail(lease, reason);
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
    public synchronized int reclaimExpired() {
        long now = clock.millis();
        return reclaim(held -> held.deadline().toEpochMilli() <= now,
                held -> "worker " + held.workerId() + "'s lease ran out at " + held.deadline()
                        + " without a heartbeat");
    }

    /** Reclaims every lease {@code which} picks, with the reason {@code why} gives; forged leases are dropped. */
    private int reclaim(Predicate<Envelopes.HeldLease> which,
            java.util.function.Function<Envelopes.HeldLease, String> why) {
        int count = 0;
        for (Map.Entry<String, byte[]> entry : leases.entrySet()) {
            Envelopes.HeldLease held;
            try {
                held = envelopes.lease(entry.getValue());
            } catch (Envelopes.Rejected rejected) {
                log.accept("dropped a lease on " + entry.getKey() + " that no worker of this batch signed: "
                        + rejected.getMessage());
                leases.remove(entry.getKey(), entry.getValue());
                continue;
            }
            if (which.test(held) && leases.remove(entry.getKey(), entry.getValue())) {
                decide(ledger.attemptFailed(held.submissionHash(), held.attempt(), why.apply(held)));
                count++;
            }
        }
        return count;
    }

    private void reclaimQuietly() {
        try {
            reclaimExpired();
        } catch (RuntimeException e) {
            if (!closed) {
                log.accept("could not look for expired leases: " + e);
            }
        }
    }

    /** Moves results from the cluster into {@link #outcomes}, until {@link #close}. */
    private void drain() {
        while (!closed) {
            try {
                byte[] result = results.poll(DRAIN_SLICE.toMillis(), TimeUnit.MILLISECONDS);
                if (result != null) {
                    accept(result);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    log.accept("could not read a result from the cluster: " + e);
                }
            }
        }
    }

    private synchronized void accept(byte[] envelope) {
        Envelopes.Result result;
        try {
            result = envelopes.result(envelope);
        } catch (Envelopes.Rejected rejected) {
            log.accept("refused a result that no worker of this batch signed: " + rejected.getMessage());
            return;
        }
        if (!result.suiteHash().equals(suiteHash)) {
            String reason = "worker " + result.workerId() + " graded it with suite hash " + result.suiteHash()
                    + " but this batch grades with suite hash " + suiteHash;
            log.accept("refused the result of " + result.submissionHash() + ": " + reason);
            decide(ledger.attemptFailed(result.submissionHash(), result.attempt(), reason));
        } else if (result.graded()) {
            ledger.completed(result.submissionHash(), result.workerId(), result.body()).ifPresent(this::finish);
        } else {
            decide(ledger.attemptFailed(result.submissionHash(), result.attempt(), "worker " + result.workerId()
                    + " could not grade it: " + new String(result.body(), StandardCharsets.UTF_8)));
        }
    }

    private void decide(Ledger.Decision decision) {
        if (decision instanceof Ledger.Requeue requeue) {
            jobs.offer(envelopes.job(requeue.job()));
        } else if (decision instanceof Ledger.GiveUp giveUp) {
            finish(giveUp.outcome());
        }
    }

    private void finish(Outcome outcome) {
        done.put(outcome.submissionHash(), envelopes.done(outcome.submissionHash()));
        outcomes.add(outcome);
    }

    /** A member that left takes its leases with it: they are reclaimed at once, not when they run out. */
    private final class Departures implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
            // A new worker pulls when it has a free slot: nothing to do.
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            String gone = event.getMember().getUuid().toString();
            reaper.execute(() -> {
                try {
                    synchronized (HazelcastJobQueue.this) {
                        reclaim(held -> held.memberId().equals(gone), held -> "worker " + held.workerId()
                                + " left the cluster (member " + gone + ") while grading it");
                    }
                } catch (RuntimeException e) {
                    if (!closed) {
                        log.accept("could not reclaim the jobs of departed member " + gone + ": " + e);
                    }
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        source.close();
        reaper.shutdownNow();
        drainer.interrupt();
        try {
            drainer.join(5000);
            reaper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(membership);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
