package dev.gradecheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every {@link JobQueue} keeps, run against each implementation: idempotent submission, one taker
 * per job, leases that run out and put their job back with its attempt counted, bounded retries ending in "not
 * gradable" with the reason, exactly one outcome per submission hash, concurrent takers on two workers.
 */
public abstract class JobQueueContract {

    /** A queue under test: the coordinator's side and two workers' sides (the same object on one machine). */
    public record Fixture(JobQueue coordinator, JobSource first, JobSource second, AutoCloseable cleanup) {
    }

    protected static final Duration LEASE = Duration.ofSeconds(10);

    protected final MutableClock clock = new MutableClock();
    private final List<Fixture> made = new ArrayList<>();

    /** A fresh queue with {@code settings} (its reaping interval long: the tests reclaim by hand) on {@link #clock}. */
    protected abstract Fixture create(QueueSettings settings) throws Exception;

    /** How long an outcome may take to arrive (a cluster delivers them through its members). */
    protected Duration outcomeWait() {
        return Duration.ofSeconds(5);
    }

    private Fixture queue(QueueSettings settings) throws Exception {
        Fixture fixture = create(settings.withReapInterval(Duration.ofHours(1)));
        made.add(fixture);
        return fixture;
    }

    private Fixture queue() throws Exception {
        return queue(QueueSettings.DEFAULTS.withLeaseDuration(LEASE));
    }

    @AfterEach
    void closeQueues() throws Exception {
        for (Fixture fixture : made) {
            fixture.cleanup().close();
        }
    }

    protected static Job job(int number) {
        return Job.of(String.format("%016x", 0xabc000L + number), "student-" + number, "suite-1",
                ("zip of " + number).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] report(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Lease take(JobSource source, String worker) throws InterruptedException {
        Optional<Lease> lease = source.take(worker, Duration.ofSeconds(5));
        assertTrue(lease.isPresent(), worker + " got no job");
        return lease.get();
    }

    private void assertNoMoreOutcomes(JobQueue queue) throws InterruptedException {
        assertEquals(Optional.empty(), queue.nextOutcome(Duration.ofMillis(300)));
    }

    @Test
    void aCompletedJobHasOneGradedOutcomeWithItsReport() throws Exception {
        Fixture fixture = queue();
        assertTrue(fixture.coordinator().submit(job(1)));
        Lease lease = take(fixture.second(), "w2");
        assertEquals(job(1), lease.job());
        assertEquals("w2", lease.workerId());
        fixture.second().complete(lease, report("report 1"));

        Outcome outcome = fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow();
        Outcome.Graded graded = assertInstanceOf(Outcome.Graded.class, outcome);
        assertEquals(job(1).submissionHash(), graded.submissionHash());
        assertEquals("student-1", graded.student());
        assertEquals("w2", graded.workerId());
        assertEquals("report 1", new String(graded.report(), StandardCharsets.UTF_8));
        assertNoMoreOutcomes(fixture.coordinator());
        assertEquals(0, fixture.coordinator().open());
    }

    @Test
    void aSubmissionHashSubmittedTwiceIsQueuedOnce() throws Exception {
        Fixture fixture = queue();
        assertTrue(fixture.coordinator().submit(job(1)));
        assertFalse(fixture.coordinator().submit(job(1)));
        take(fixture.first(), "w1");
        assertEquals(Optional.empty(), fixture.second().take("w2", Duration.ofMillis(300)));
        assertEquals(1, fixture.coordinator().open());
    }

    @Test
    void takingFromAnEmptyQueueWaitsThenComesBackEmpty() throws Exception {
        Fixture fixture = queue();
        long start = System.nanoTime();
        assertEquals(Optional.empty(), fixture.first().take("w1", Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(250).toNanos(), "take did not wait");
    }

    @Test
    void anExpiredLeaseIsPutBackWithItsAttemptCountedAndIsLostToItsWorker() throws Exception {
        Fixture fixture = queue();
        fixture.coordinator().submit(job(1));
        Lease first = take(fixture.first(), "w1");
        assertEquals(1, first.job().attempt());

        clock.advance(LEASE.plusMillis(1));
        assertEquals(1, fixture.coordinator().reclaimExpired());
        assertEquals(Optional.empty(), fixture.first().heartbeat(first));

        Lease second = take(fixture.second(), "w2");
        assertEquals(2, second.job().attempt());
        assertEquals(job(1).submissionHash(), second.submissionHash());
    }

    @Test
    void aHeartbeatKeepsTheLeaseAlive() throws Exception {
        Fixture fixture = queue();
        fixture.coordinator().submit(job(1));
        Lease lease = take(fixture.first(), "w1");

        clock.advance(LEASE.dividedBy(2));
        Lease renewed = fixture.first().heartbeat(lease).orElseThrow();
        assertEquals(lease.deadline().plus(LEASE.dividedBy(2)), renewed.deadline());
        clock.advance(LEASE.dividedBy(2).plusMillis(1));
        assertEquals(0, fixture.coordinator().reclaimExpired());

        clock.advance(LEASE.dividedBy(2));
        assertEquals(1, fixture.coordinator().reclaimExpired());
    }

    @Test
    void aLateSecondCompletionOfTheSameSubmissionIsDropped() throws Exception {
        Fixture fixture = queue();
        fixture.coordinator().submit(job(1));
        Lease slow = take(fixture.first(), "w1");
        clock.advance(LEASE.plusMillis(1));
        fixture.coordinator().reclaimExpired();
        Lease retry = take(fixture.second(), "w2");

        fixture.first().complete(slow, report("slow"));
        Outcome.Graded graded = assertInstanceOf(Outcome.Graded.class,
                fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow());
        assertEquals("w1", graded.workerId());
        fixture.second().complete(retry, report("retry"));
        assertNoMoreOutcomes(fixture.coordinator());
    }

    @Test
    void aJobCompletedMeanwhileIsNotTakenAgain() throws Exception {
        Fixture fixture = queue();
        fixture.coordinator().submit(job(1));
        Lease slow = take(fixture.first(), "w1");
        clock.advance(LEASE.plusMillis(1));
        fixture.coordinator().reclaimExpired();
        fixture.first().complete(slow, report("slow"));
        fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow();

        assertEquals(Optional.empty(), fixture.second().take("w2", Duration.ofMillis(500)));
    }

    @Test
    void afterTheLastAttemptTheJobIsNotGradableWithTheReason() throws Exception {
        Fixture fixture = queue(QueueSettings.DEFAULTS.withLeaseDuration(LEASE).withMaxAttempts(2));
        fixture.coordinator().submit(job(1));
        take(fixture.first(), "w1");
        clock.advance(LEASE.plusMillis(1));
        fixture.coordinator().reclaimExpired();
        take(fixture.second(), "w2");
        clock.advance(LEASE.plusMillis(1));
        fixture.coordinator().reclaimExpired();

        Outcome.NotGradable outcome = assertInstanceOf(Outcome.NotGradable.class,
                fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow());
        assertEquals("student-1", outcome.student());
        assertTrue(outcome.reason().startsWith("not graded after 2 attempts; the last: worker w2's lease ran out"),
                outcome.reason());
        assertEquals(Optional.empty(), fixture.first().take("w1", Duration.ofMillis(300)));
        assertNoMoreOutcomes(fixture.coordinator());
    }

    @Test
    void aFailedAttemptGoesToAnotherWorkerAndTheLastFailureIsTheReason() throws Exception {
        Fixture fixture = queue(QueueSettings.DEFAULTS.withLeaseDuration(LEASE).withMaxAttempts(2));
        fixture.coordinator().submit(job(1));
        fixture.first().fail(take(fixture.first(), "w1"), "the sandbox would not start");
        Lease second = take(fixture.second(), "w2");
        assertEquals(2, second.job().attempt());
        fixture.second().fail(second, "javac crashed");

        Outcome.NotGradable outcome = assertInstanceOf(Outcome.NotGradable.class,
                fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow());
        assertEquals("not graded after 2 attempts; the last: worker w2 could not grade it: javac crashed",
                outcome.reason());
    }

    @Test
    void aSubmissionOverTheCapIsNotGradableAndNeverQueued() throws Exception {
        Fixture fixture = queue(QueueSettings.DEFAULTS.withLeaseDuration(LEASE).withMaxSubmissionBytes(4));
        assertTrue(fixture.coordinator().submit(job(1)));
        Outcome.NotGradable outcome = assertInstanceOf(Outcome.NotGradable.class,
                fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow());
        assertTrue(outcome.reason().contains("over the cluster's cap of 4 bytes"), outcome.reason());
        assertEquals(Optional.empty(), fixture.first().take("w1", Duration.ofMillis(300)));
    }

    @Test
    void concurrentTakersOnTwoWorkersEachGetADistinctJobAndEveryJobOneOutcome() throws Exception {
        Fixture fixture = queue();
        int jobs = 40;
        for (int number = 0; number < jobs; number++) {
            fixture.coordinator().submit(job(number));
        }
        Set<String> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService takers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int taker = 0; taker < 4; taker++) {
                JobSource source = taker % 2 == 0 ? fixture.first() : fixture.second();
                String worker = "w" + taker;
                running.add(takers.submit(() -> {
                    Optional<Lease> lease;
                    while ((lease = source.take(worker, Duration.ofMillis(500))).isPresent()) {
                        if (!taken.add(lease.get().submissionHash())) {
                            twice.incrementAndGet();
                        }
                        source.complete(lease.get(), report(worker));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            takers.shutdownNow();
        }
        assertEquals(0, twice.get());
        assertEquals(jobs, taken.size());
        Set<String> outcomes = new HashSet<>();
        for (int number = 0; number < jobs; number++) {
            outcomes.add(fixture.coordinator().nextOutcome(outcomeWait()).orElseThrow().submissionHash());
        }
        assertEquals(taken, outcomes);
        assertNoMoreOutcomes(fixture.coordinator());
        assertEquals(0, fixture.coordinator().open());
    }
}
