package dev.gradecheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker's loop: slots pull jobs when free, grade, complete; a grader that breaks fails the job over. */
class WorkerTests {

    private static final QueueSettings SETTINGS = QueueSettings.DEFAULTS.withLeaseDuration(Duration.ofSeconds(5));

    @Test
    void slotsGradeEveryJobOnceAndNoMoreAtOnceThanThereAreSlots() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        JobGrader grader = job -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return ("report of " + job.student()).getBytes(StandardCharsets.UTF_8);
        };
        try (InProcessJobQueue queue = InProcessJobQueue.create(SETTINGS, Clock.systemUTC())) {
            for (int number = 0; number < 30; number++) {
                queue.submit(Job.of(String.format("%016x", number), "s" + number, "suite", new byte[] {1}));
            }
            Set<String> students = new HashSet<>();
            try (Worker worker = Worker.start(queue, grader, "host-a", 3, Duration.ofSeconds(1))) {
                for (int number = 0; number < 30; number++) {
                    Outcome.Graded graded = assertInstanceOf(Outcome.Graded.class,
                            queue.nextOutcome(Duration.ofSeconds(10)).orElseThrow());
                    assertEquals("report of " + graded.student(),
                            new String(graded.report(), StandardCharsets.UTF_8));
                    assertTrue(graded.workerId().matches("host-a/[123]"), graded.workerId());
                    students.add(graded.student());
                }
            }
            assertEquals(30, students.size());
            assertTrue(most.get() <= 3, "more gradings at once than slots: " + most.get());
        }
        assertEquals(List.of(), slotThreads());
    }

    @Test
    void aGraderThatBreaksFailsTheJobUntilItIsNotGradable() throws Exception {
        JobGrader broken = job -> {
            throw new IllegalStateException("the course on this worker does not compile");
        };
        try (InProcessJobQueue queue = InProcessJobQueue.create(SETTINGS.withMaxAttempts(2), Clock.systemUTC());
             Worker worker = Worker.start(queue, broken, "host-b", 1, Duration.ofSeconds(1))) {
            queue.submit(Job.of("00000000000000ff", "s", "suite", new byte[] {1}));
            Outcome.NotGradable outcome = assertInstanceOf(Outcome.NotGradable.class,
                    queue.nextOutcome(Duration.ofSeconds(10)).orElseThrow());
            assertEquals("not graded after 2 attempts; the last: worker host-b/1 could not grade it: the course on"
                    + " this worker does not compile", outcome.reason());
        }
    }

    @Test
    void heartbeatsKeepALongGradingLeased() throws Exception {
        QueueSettings shortLeases = SETTINGS.withLeaseDuration(Duration.ofMillis(300))
                .withReapInterval(Duration.ofMillis(50));
        JobGrader slow = job -> {
            Thread.sleep(1200);
            return new byte[] {42};
        };
        try (InProcessJobQueue queue = InProcessJobQueue.create(shortLeases, Clock.systemUTC());
             Worker worker = Worker.start(queue, slow, "host-c", 1, Duration.ofMillis(100))) {
            queue.submit(Job.of("00000000000000aa", "s", "suite", new byte[] {1}));
            Outcome.Graded graded = assertInstanceOf(Outcome.Graded.class,
                    queue.nextOutcome(Duration.ofSeconds(10)).orElseThrow());
            assertEquals("host-c/1", graded.workerId());
        }
    }

    private static List<String> slotThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("gradecheck-slot-")).toList();
    }
}
