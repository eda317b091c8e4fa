package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts that say where the student's code was, in real child JVMs: a test that overruns its limit is told the
 * method and line its code was in just before the stop; a later test of the same exercise found in that method is
 * stopped after half a second instead of its full limit; another exercise's tests, and tests that never enter the
 * method, keep their full limits; a sample forged on the channel or a stack trace printed by student code is not
 * believed.
 */
class LoopTimeoutIT {

    @TempDir
    static Path temp;

    private static SandboxRun run;

    @BeforeAll
    static void runAJobWithALoop() {
        Path classes = Fixtures.compile("loops", temp.resolve("classes"));
        List<TestSpec> tests = List.of(
                spec("LoopingHiddenTests#loopsForever", 2000, "x"),
                spec("LoopingHiddenTests#neverCallsIt", 5000, "x"),
                spec("LoopingHiddenTests#loopsForeverToo", 5000, "x"),
                spec("ForgingHiddenTests#forgesASampleThenLoops", 1500, "z"),
                spec("OtherHiddenTests#loopsInTheSameMethod", 1500, "y"),
                spec("OtherHiddenTests#passes", 5000, "y"));
        run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), tests,
                Fixtures.workDirectory(temp, "loops")));
    }

    @Test
    void aTimeoutNamesTheMethodAndLineTheStudentsCodeWasIn() {
        TestResult looped = result(run, "LoopingHiddenTests#loopsForever");
        assertEquals(TestStatus.TIMEOUT, looped.status());
        assertTrue(looped.message().startsWith("`LoopingHiddenTests.loopsForever` did not finish within 2 s: your code"
                + " was still running in `Looper."), looped.message());
        assertTrue(looped.message().matches("(?s).*`Looper\\.(step|forever)` \\(Looper\\.java:(19|20|26|27)\\).*"),
                "names the method and its line: " + looped.message());
        assertFalse(looped.message().contains("LoopingHiddenTests.java"), "hidden-test frames are not the student's: "
                + looped.message());
        assertTrue(looped.message().endsWith("— a loop that never ends there? (the process was stopped)"),
                looped.message());
    }

    @Test
    void aLaterTestOfTheExerciseInTheSameMethodIsStoppedEarlyWithTheSameExplanation() {
        TestResult again = result(run, "LoopingHiddenTests#loopsForeverToo");
        assertEquals(TestStatus.TIMEOUT, again.status());
        assertTrue(again.message().startsWith("`LoopingHiddenTests.loopsForeverToo` was stopped after 0."),
                again.message());
        assertTrue(again.message().matches("(?s).*, and `Looper\\.(step|forever)` was still running when"
                + " `LoopingHiddenTests\\.loopsForever` ran out of time — fix that loop first.*"), again.message());
        assertTrue(again.duration().compareTo(Duration.ofMillis(2500)) < 0,
                "stopped far below its 5 s limit: " + again.duration());
    }

    @Test
    void testsThatNeverEnterTheMethodAndOtherExercisesKeepTheirFullLimits() {
        assertEquals(TestStatus.PASSED, result(run, "LoopingHiddenTests#neverCallsIt").status());
        TestResult other = result(run, "OtherHiddenTests#loopsInTheSameMethod");
        assertEquals(TestStatus.TIMEOUT, other.status());
        assertTrue(other.message().startsWith("`OtherHiddenTests.loopsInTheSameMethod` did not finish within 1.5 s"),
                "another exercise's loop is not this one's: " + other.message());
        assertTrue(other.duration().compareTo(Duration.ofMillis(1500)) >= 0, "its full limit: " + other.duration());
        assertEquals(TestStatus.PASSED, result(run, "OtherHiddenTests#passes").status());
    }

    @Test
    void aForgedSampleAndAPrintedStackAreNotBelieved() {
        TestResult forger = result(run, "ForgingHiddenTests#forgesASampleThenLoops");
        assertEquals(TestStatus.TIMEOUT, forger.status());
        assertTrue(forger.message().contains("`Looper.hideHere` (Looper.java:"), "the runner's own sample: "
                + forger.message());
        assertFalse(forger.message().contains("Innocent"), forger.message());
        assertTrue(forger.output().text().contains("Innocent.framed"), "what it printed stays its output");
        assertEquals(List.of(new IntegrityEvent(IntegrityEvent.Kind.BAD_SIGNATURE,
                        java.util.Optional.of(TestId.parse(Fixtures.PACKAGE + "ForgingHiddenTests#forgesASampleThenLoops")),
                        "a line of the events file was rejected: wrong signature", 1)),
                run.integrity().events(), "the forged line is on record, with the test that wrote it");
    }

    private static TestSpec spec(String classAndMethod, long limitMillis, String exercise) {
        return new TestSpec(TestId.parse(Fixtures.PACKAGE + classAndMethod), Duration.ofMillis(limitMillis), exercise);
    }
}
