package dev.gradecheck.e2e;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static dev.gradecheck.testing.ReportChecks.assertValidReports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One infinite loop in one autograd method, graded end to end: the solutions with {@code Value.topologicalOrder}
 * looping forever on every graph but a bare leaf (fixture {@code submissions/looping-autograd}). The first test to
 * overrun its limit names the method and line; every later autograd test stuck in it is stopped within a second
 * with the same explanation, so the loop costs seconds instead of a full limit per test; a test that calls the
 * method without looping, and every other exercise, is graded as usual.
 */
class LoopingSubmissionIT {

    private static final String EXERCISE = "autograd";
    /** The limits of exercises/autograd/exercise.json: 5 s, and 20 s for the 100,000-node chain. */
    private static Duration limitOf(TestReport test) {
        return test.id().methodName().startsWith("aChainOf") ? Duration.ofSeconds(20) : Duration.ofSeconds(5);
    }

    @TempDir
    static Path folder;

    private static GradeReport report;
    private static Duration took;

    @BeforeAll
    static void gradeTheLoopingSubmission() {
        Path submission = RepoCourse.solutionsWithFixture("looping-autograd", folder.resolve("looping-autograd"));
        RepoCourse.grader();
        Instant start = Instant.now();
        report = RepoCourse.grade(submission);
        took = Duration.between(start, Instant.now());
    }

    @Test
    void theFirstTimeoutNamesTheLoopingMethodAndItsLine() {
        List<TestReport> full = timedOut().stream().filter(t -> t.message().contains("did not finish within")).toList();
        assertEquals(1, full.size(), "one test runs its full limit: " + messages(timedOut()));
        String message = full.get(0).message();
        assertTrue(message.matches("(?s).*your code was still running in `Value\\.(topologicalOrder|visit)`"
                + " \\(Value\\.java:\\d+\\).*"), message);
        assertTrue(message.contains("`Value.backward` (Value.java:"), "and where it was called from: " + message);
        assertTrue(message.endsWith("— a loop that never ends there? (the process was stopped)"), message);
    }

    @Test
    void laterTestsStuckInTheMethodAreStoppedEarlyWithTheSameExplanation() {
        List<TestReport> early = timedOut().stream().filter(t -> t.message().contains("was stopped after")).toList();
        assertTrue(early.size() >= 5, "most autograd tests go through the loop: " + messages(timedOut()));
        for (TestReport test : early) {
            assertTrue(test.message().contains("`Value.topologicalOrder` was still running when"), test.message());
            assertTrue(test.message().contains("fix that loop first"), test.message());
            assertTrue(test.duration().compareTo(Duration.ofMillis(2500)) < 0, test.id() + " ran " + test.duration());
        }
        Duration fullLimits = early.stream().map(t -> limitOf(t)).reduce(Duration.ZERO, Duration::plus);
        assertTrue(took.compareTo(fullLimits) < 0, "the whole grading took " + took + ", less than the stopped tests'"
                + " full limits alone (" + fullLimits + "):" + messages(autograd().tests()));
    }

    @Test
    void aTestThatCallsTheMethodWithoutLoopingAndTheOtherExercisesAreUnaffected() {
        TestReport leaf = autograd().tests().stream()
                .filter(t -> t.id().methodName().equals("backwardOnABareLeafJustAddsOne")).findFirst().orElseThrow();
        assertEquals(TestStatus.PASSED, leaf.status(), leaf.message());
        Map<String, Double> expected = RepoCourse.fullMarks();
        Map<String, Double> scores = RepoCourse.scores(report);
        expected.remove(EXERCISE);
        scores.remove(EXERCISE);
        assertEquals(expected, scores);
        assertValidReports(report);
        assertNoProcessLeftBehind();
    }

    private static List<TestReport> timedOut() {
        return autograd().tests().stream().filter(t -> t.status() == TestStatus.TIMEOUT).toList();
    }

    private static ExerciseReport autograd() {
        return report.exercises().stream().filter(e -> e.id().equals(EXERCISE)).findFirst().orElseThrow();
    }

    private static String messages(List<TestReport> tests) {
        StringBuilder text = new StringBuilder();
        tests.forEach(t -> text.append('\n').append(t.id().methodName()).append(" (").append(t.duration().toMillis())
                .append(" ms): ").append(t.message()));
        return text.toString();
    }
}
