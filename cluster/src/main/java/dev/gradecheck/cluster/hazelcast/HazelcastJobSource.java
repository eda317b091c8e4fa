package dev.gradecheck.cluster.hazelcast;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import dev.gradecheck.cluster.Envelopes;
import dev.gradecheck.cluster.Job;
import dev.gradecheck.cluster.JobSource;
import dev.gradecheck.cluster.Lease;
import dev.gradecheck.cluster.QueueSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker's side of the Hazelcast queue. A take is one transaction — the job polled off the queue and its lease put
 * in the lease table together — so a worker that dies mid-take leaves the job queued; a completion likewise removes
 * the lease and queues the signed result together. Heartbeats replace the lease only if it is still the one this
 * worker wrote (compare-and-set), so a lease the coordinator reclaimed stays reclaimed. Jobs that fail their signature
 * are dropped and logged; jobs the coordinator marked done are skipped. Thread-safe.
 */
final class HazelcastJobSource implements JobSource {

    private static final Duration POLL_SLICE = Duration.ofMillis(250);

    private final HazelcastInstance hazelcast;
    private final Names names;
    private final Envelopes envelopes;
    private final String suiteHash;
    private final QueueSettings settings;
    private final Clock clock;
    private final Consumer<String> log;
    private final IMap<String, byte[]> leases;
    private final IMap<String, byte[]> done;
    private final Map<String, byte[]> held = new ConcurrentHashMap<>();
    private volatile boolean closed;

    HazelcastJobSource(HazelcastInstance hazelcast, Names names, Envelopes envelopes, String suiteHash,
            QueueSettings settings, Clock clock, Consumer<String> log) {
        this.hazelcast = hazelcast;
        this.names = names;
        this.envelopes = envelopes;
        this.suiteHash = suiteHash;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.leases = hazelcast.getMap(names.leases());
        this.done = hazelcast.getMap(names.done());
    }

    @Override
    public Optional<Lease> take(String workerId, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        do {
            long left = Math.max(0, Math.min(end - System.nanoTime(), POLL_SLICE.toNanos()));
            Optional<Lease> lease = takeOnce(workerId, left);
            if (lease.isPresent()) {
                return lease;
            }
        } while (!closed && System.nanoTime() < end);
        return Optional.empty();
    }

    private Optional<Lease> takeOnce(String workerId, long waitNanos) throws InterruptedException {
        TransactionContext transaction = hazelcast.newTransactionContext(new TransactionOptions()
                .setTimeout(waitNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS));
        transaction.beginTransaction();
        try {
            byte[] item = transaction.<byte[]>getQueue(names.jobs()).poll(waitNanos, TimeUnit.NANOSECONDS);
            Optional<Job> job = item == null ? Optional.empty() : takeable(item);
            Optional<Lease> lease = job.map(found -> new Lease(found, workerId,
                    clock.instant().plus(settings.leaseDuration()), UUID.randomUUID().toString()));
            byte[] entry = lease.map(this::entry).orElse(null);
            if (entry != null) {
                transaction.<String, byte[]>getMap(names.leases()).put(lease.get().submissionHash(), entry);
            }
            transaction.commitTransaction();
            lease.ifPresent(taken -> held.put(taken.token(), entry));
            return lease;
        } catch (InterruptedException | RuntimeException e) {
            transaction.rollbackTransaction();
            throw e;
        }
    }

    /** The job in {@code item}, unless it is forged (dropped, logged) or already done (dropped). */
    private Optional<Job> takeable(byte[] item) {
        try {
            Job job = envelopes.job(item);
            return isDone(job.submissionHash()) ? Optional.empty() : Optional.of(job);
        } catch (Envelopes.Rejected rejected) {
            log.accept("dropped a job from the queue that is not the coordinator's: " + rejected.getMessage());
            return Optional.empty();
        }
    }

    private boolean isDone(String submissionHash) {
        byte[] mark = done.get(submissionHash);
        if (mark == null) {
            return false;
        }
        try {
            return envelopes.done(mark).equals(submissionHash);
        } catch (Envelopes.Rejected rejected) {
            log.accept("ignored a forged done mark on " + submissionHash + ": " + rejected.getMessage());
            return false;
        }
    }

    @Override
    public Optional<Lease> heartbeat(Lease lease) {
        byte[] current = held.get(lease.token());
        if (current == null) {
            return Optional.empty();
        }
        Lease renewed = lease.renewedUntil(clock.instant().plus(settings.leaseDuration()));
        byte[] entry = entry(renewed);
        if (leases.replace(lease.submissionHash(), current, entry)) {
            held.put(lease.token(), entry);
            return Optional.of(renewed);
        }
        held.remove(lease.token());
        return Optional.empty();
    }

    @Override
    public void complete(Lease lease, byte[] report) {
        hand(lease, true, report);
    }

    @Override
    public void fail(Lease lease, String reason) {
        hand(lease, false, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the lease (when still this worker's) and queues the signed result, in one transaction. */
    private void hand(Lease lease, boolean graded, byte[] body) {
        byte[] current = held.remove(lease.token());
        if (!graded && current == null) {
            return;
        }
        byte[] result = envelopes.result(new Envelopes.Result(lease.submissionHash(), lease.workerId(), suiteHash,
                lease.job().attempt(), graded, body));
        TransactionContext transaction = hazelcast.newTransactionContext();
        transaction.beginTransaction();
        try {
            if (current != null) {
                transaction.<String, byte[]>getMap(names.leases()).remove(lease.submissionHash(), current);
            }
            transaction.<byte[]>getQueue(names.results()).offer(result);
            transaction.commitTransaction();
        } catch (RuntimeException e) {
            transaction.rollbackTransaction();
            throw e;
        }
    }

    private byte[] entry(Lease lease) {
        return envelopes.lease(Envelopes.HeldLease.of(lease, memberId()));
    }

    private String memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** The queue of jobs (for the coordinator, which shares this view for its own slots). */
    IQueue<byte[]> jobs() {
        return hazelcast.getQueue(names.jobs());
    }

    @Override
    public void close() {
        closed = true;
    }
}
