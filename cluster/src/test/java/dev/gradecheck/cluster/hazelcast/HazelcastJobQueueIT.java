package dev.gradecheck.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.ClusterRefused;
import dev.gradecheck.cluster.Envelopes;
import dev.gradecheck.cluster.JobQueueContract;
import dev.gradecheck.cluster.JobSource;
import dev.gradecheck.cluster.Lease;
import dev.gradecheck.cluster.Outcome;
import dev.gradecheck.cluster.QueueSettings;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job queue contract on a real two-member Hazelcast cluster in this JVM (127.0.0.1, free ports): the coordinator
 * on one member, a worker on the other; then what only a cluster has — a member stopped abruptly while it holds a job,
 * forged jobs and results, a result graded with another course, a worker of another course or key, a member of
 * another cluster name. The two members are shared by every test (each test is a batch of its own namespace).
 */
class HazelcastJobQueueIT extends JobQueueContract {

    private static final String SUITE = "suite-1";
    private static final AtomicInteger BATCHES = new AtomicInteger();

    @TempDir
    static Path keys;

    private static ClusterKey key;
    private static ClusterKey otherKey;
    private static String clusterName;
    private static ClusterMember coordinatorMember;
    private static ClusterMember workerMember;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startMembers() throws Exception {
        key = ClusterKey.loadOrCreate(keys.resolve("cluster.key"));
        otherKey = ClusterKey.loadOrCreate(keys.resolve("other.key"));
        clusterName = "test-" + key.derivedName("hazelcast-it");
        coordinatorMember = Members.start(clusterName, List.of());
        workerMember = Members.start(clusterName, List.of(coordinatorMember.settings().address()));
        assertTrue(coordinatorMember.awaitClusterSize(2, Duration.ofSeconds(20)), "the worker did not join");
    }

    @AfterAll
    static void stopMembersAndLeaveNoThreadBehind() throws InterruptedException {
        if (workerMember != null) {
            workerMember.close();
        }
        if (coordinatorMember != null) {
            coordinatorMember.close();
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        while (!(left = ourThreads()).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), left, "threads left behind");
    }

    private static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("hz.gradecheck-") || name.startsWith("gradecheck-")).toList();
    }

    private static String namespace() {
        return "batch-" + BATCHES.incrementAndGet();
    }

    @Override
    protected Fixture create(QueueSettings settings) throws Exception {
        String namespace = namespace();
        HazelcastJobQueue coordinator = HazelcastJobQueue.coordinator(coordinatorMember.instance(), key, namespace,
                SUITE, settings, clock, log::add);
        JobSource worker = HazelcastJobQueue.worker(workerMember.instance(), key, namespace, SUITE, settings, clock,
                log::add, Duration.ofSeconds(5));
        return new Fixture(coordinator, coordinator, worker, () -> {
            worker.close();
            coordinator.close();
        });
    }

    private HazelcastJobQueue coordinator(String namespace, QueueSettings settings) {
        return HazelcastJobQueue.coordinator(coordinatorMember.instance(), key, namespace, SUITE, settings, clock,
                log::add);
    }

    private static final QueueSettings SETTINGS = QueueSettings.DEFAULTS.withReapInterval(Duration.ofHours(1));

    @Test
    void aMemberStoppedAbruptlyWhileHoldingAJobHasItGradedElsewhere() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS);
             ClusterMember doomed = Members.start(clusterName, List.of(coordinatorMember.settings().address()))) {
            assertTrue(coordinatorMember.awaitClusterSize(3, Duration.ofSeconds(20)),
                    "the third member did not join");
            JobSource doomedWorker = HazelcastJobQueue.worker(doomed.instance(), key, namespace, SUITE, SETTINGS,
                    clock, log::add, Duration.ofSeconds(5));
            queue.submit(job(7));
            Lease held = doomedWorker.take("doomed", Duration.ofSeconds(5)).orElseThrow();
            assertEquals(1, held.job().attempt());

            doomed.terminate();
            JobSource survivor = HazelcastJobQueue.worker(workerMember.instance(), key, namespace, SUITE, SETTINGS,
                    clock, log::add, Duration.ofSeconds(5));
            Lease again = survivor.take("survivor", Duration.ofSeconds(30)).orElseThrow();
            assertEquals(2, again.job().attempt());
            survivor.complete(again, "report".getBytes(StandardCharsets.UTF_8));
            Outcome.Graded graded = assertInstanceOf(Outcome.Graded.class,
                    queue.nextOutcome(Duration.ofSeconds(10)).orElseThrow());
            assertEquals("survivor", graded.workerId());
            assertEquals(Optional.empty(), queue.nextOutcome(Duration.ofMillis(300)));
            survivor.close();
        }
        assertTrue(coordinatorMember.awaitClusterSize(2, Duration.ofSeconds(20)));
    }

    @Test
    void aJobNotSignedWithTheBatchKeyIsDroppedAndLogged() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS)) {
            Envelopes forger = Envelopes.of(otherKey, namespace, SETTINGS.maxSubmissionBytes());
            workerMember.instance().<byte[]>getQueue(new Names(namespace).jobs()).offer(forger.job(job(1)));
            byte[] tampered = Envelopes.of(key, namespace, SETTINGS.maxSubmissionBytes()).job(job(2));
            tampered[tampered.length - 40] ^= 1;
            workerMember.instance().<byte[]>getQueue(new Names(namespace).jobs()).offer(tampered);
            workerMember.instance().<byte[]>getQueue(new Names(namespace).jobs()).offer(new byte[] {1, 2, 3});

            JobSource worker = HazelcastJobQueue.worker(workerMember.instance(), key, namespace, SUITE, SETTINGS,
                    clock, log::add, Duration.ofSeconds(5));
            assertEquals(Optional.empty(), worker.take("w", Duration.ofSeconds(1)));
            assertEquals(3, log.stream().filter(line -> line.startsWith(
                    "dropped a job from the queue that is not the coordinator's")).count(), log.toString());
            worker.close();
        }
    }

    @Test
    void aResultNotSignedWithTheBatchKeyIsRefusedAndLogged() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS)) {
            queue.submit(job(1));
            Envelopes forger = Envelopes.of(otherKey, namespace, SETTINGS.maxSubmissionBytes());
            byte[] forged = forger.result(new Envelopes.Result(job(1).submissionHash(), "mallory", SUITE, 1, true,
                    "{\"score\": 100}".getBytes(StandardCharsets.UTF_8)));
            workerMember.instance().<byte[]>getQueue(new Names(namespace).results()).offer(forged);

            assertEquals(Optional.empty(), queue.nextOutcome(Duration.ofSeconds(1)));
            assertTrue(log.contains("refused a result that no worker of this batch signed: bad signature: not signed"
                    + " with this batch's cluster key"), log.toString());
            assertEquals(1, queue.open());
        }
    }

    @Test
    void aResultGradedWithAnotherCourseIsRefusedAndTheJobTriedAgain() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS)) {
            queue.submit(job(1));
            Lease lease = queue.take("w1", Duration.ofSeconds(5)).orElseThrow();
            JobSource stale = new HazelcastJobSource(workerMember.instance(), new Names(namespace),
                    Envelopes.of(key, namespace, SETTINGS.maxSubmissionBytes()), "suite-0", SETTINGS, clock,
                    log::add);
            stale.complete(lease, "report".getBytes(StandardCharsets.UTF_8));

            Lease again = queue.take("w2", Duration.ofSeconds(5)).orElseThrow();
            assertEquals(2, again.job().attempt());
            assertTrue(log.contains("refused the result of " + job(1).submissionHash() + ": worker w1 graded it with"
                    + " suite hash suite-0 but this batch grades with suite hash suite-1"), log.toString());
        }
    }

    @Test
    void aWorkerWithAnotherCourseIsRefusedNamingBothSuiteHashes() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS)) {
            ClusterRefused refused = assertThrows(ClusterRefused.class, () -> HazelcastJobQueue.worker(
                    workerMember.instance(), key, namespace, "suite-0", SETTINGS, clock, log::add,
                    Duration.ofSeconds(5)));
            assertEquals("this worker's course has suite hash suite-0 but batch " + namespace + " grades with suite"
                    + " hash suite-1: check out the coordinator's version of the course on this machine, then start"
                    + " the worker again", refused.getMessage());
        }
    }

    @Test
    void aWorkerWithAnotherKeyIsRefused() throws Exception {
        String namespace = namespace();
        try (HazelcastJobQueue queue = coordinator(namespace, SETTINGS)) {
            ClusterRefused refused = assertThrows(ClusterRefused.class, () -> HazelcastJobQueue.worker(
                    workerMember.instance(), otherKey, namespace, SUITE, SETTINGS, clock, log::add,
                    Duration.ofSeconds(5)));
            assertTrue(refused.getMessage().startsWith("batch " + namespace + " is not signed with this worker's"
                    + " cluster key"), refused.getMessage());
        }
    }

    @Test
    void aMemberWithAnotherClusterNameDoesNotJoin() throws Exception {
        try (ClusterMember stray = Members.start("another-" + UUID.randomUUID().toString().substring(0, 8),
                List.of(coordinatorMember.settings().address()))) {
            assertFalse(stray.awaitClusterSize(2, Duration.ofSeconds(3)));
            assertEquals(1, stray.clusterSize());
            assertEquals(2, coordinatorMember.clusterSize());
        }
    }

    /** What a stray member would send to run code on deserialization: any Serializable class of its choosing. */
    record Gadget(String command) implements Serializable {
    }

    @Test
    void noMemberDeserializesJavaObjects() {
        String name = "gradecheck.test.gadgets";
        workerMember.instance().getMap(name).put("gadget", new Gadget("touch /tmp/pwned"));
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> coordinatorMember.instance().getMap(name).get("gadget"));
        assertInstanceOf(SecurityException.class, refused.getCause(), refused.toString());
        assertTrue(refused.getMessage().contains("Resolving class " + Gadget.class.getName() + " is not allowed"),
                refused.getMessage());
    }

    @Test
    void aMemberListensOnTheGivenInterfaceOnly() throws Exception {
        String port = String.format(":%04X", coordinatorMember.settings().port());
        List<String> listening = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                Files.readAllLines(file).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields[1].endsWith(port) && fields[3].equals("0A"))
                        .forEach(fields -> listening.add(fields[1]));
            }
        }
        assertEquals(1, listening.size(), listening.toString());
        assertTrue(listening.get(0).endsWith("0100007F" + port), "listens on " + listening.get(0)
                + ", not on 127.0.0.1 alone");
    }
}
