package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One exercise's code keeps memory or threads after its test has ended, in real child JVMs (96 MB heap): the next
 * exercise's tests do not pay for it, the culprit exercise is named, and a test that runs out of memory after another
 * exercise's tests gets one more try alone.
 */
class ResourceSquatIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static Path classes;

    @BeforeAll
    static void compileTheFixtures() {
        classes = Fixtures.compile("squat", temp.resolve("classes"));
    }

    @Test
    void aStaticArrayOfMostOfTheHeapIsChargedToItsExerciseAndTheNextExerciseRunsInAFreshJvm() {
        SandboxRun run = run("heap", spec("HeapSquatHiddenTests#keepsAnArray", "squatter"),
                spec("AllocatingHiddenTests#allocatesHalfTheHeap", "victim"),
                spec("AllocatingHiddenTests#passes", "victim"));

        assertEquals(TestStatus.PASSED, result(run, "AllocatingHiddenTests#allocatesHalfTheHeap").status(),
                result(run, "AllocatingHiddenTests#allocatesHalfTheHeap").message());
        assertEquals(TestStatus.PASSED, result(run, "AllocatingHiddenTests#passes").status());
        assertEquals(List.of(new ResourceSquat("squatter", ResourceSquat.Resource.HEAP, 32)), run.squats());
        assertEquals(2, run.childJvmsStarted());
        assertEquals(Integrity.NONE, run.integrity(), "a squat is not tampering");
    }

    @Test
    void aStaticDirectBufferIsChargedToItsExerciseAndTheNextExerciseRunsInAFreshJvm() {
        SandboxRun run = run("direct", spec("DirectSquatHiddenTests#keepsADirectBuffer", "squatter"),
                spec("AllocatingHiddenTests#allocatesHalfTheDirectMemory", "victim"));

        assertEquals(TestStatus.PASSED, result(run, "AllocatingHiddenTests#allocatesHalfTheDirectMemory").status(),
                result(run, "AllocatingHiddenTests#allocatesHalfTheDirectMemory").message());
        assertEquals(List.of(new ResourceSquat("squatter", ResourceSquat.Resource.DIRECT_MEMORY, 32)), run.squats());
        assertEquals(2, run.childJvmsStarted());
    }

    @Test
    void twoHundredThreadsLeftRunningAreChargedToTheirExercise() {
        SandboxRun run = run("threads", spec("ThreadSquatHiddenTests#leavesTwoHundredThreads", "squatter"),
                spec("AllocatingHiddenTests#passes", "victim"));

        assertEquals(TestStatus.PASSED, result(run, "AllocatingHiddenTests#passes").status());
        assertEquals(List.of(new ResourceSquat("squatter", ResourceSquat.Resource.THREADS, 64)), run.squats());
        assertEquals(2, run.childJvmsStarted());
        assertEquals(200, run.lingering().get(0).threads(), "the threads are lingering threads of their test too");
    }

    @Test
    void aSquatWithinOneExerciseIsThatExercisesOwnProblem() {
        SandboxRun run = run("one-exercise", spec("HeapSquatHiddenTests#keepsAnArray", "both"),
                spec("AllocatingHiddenTests#allocatesHalfTheHeap", "both"));

        assertEquals(TestStatus.ERROR, result(run, "AllocatingHiddenTests#allocatesHalfTheHeap").status(),
                "the fixture does exhaust the heap when nothing intervenes");
        assertTrue(result(run, "AllocatingHiddenTests#allocatesHalfTheHeap").message().contains("ran out of memory"),
                result(run, "AllocatingHiddenTests#allocatesHalfTheHeap").message());
        assertEquals(List.of(), run.squats());
    }

    @Test
    void aTestThatRunsOutOfMemoryAfterAnotherExercisesTestsGetsOneMoreTryAlone() {
        SandboxRun run = run("victim", spec("LateSquatHiddenTests#grabsTheHeapLater", "late-squatter"),
                spec("AllocatingHiddenTests#allocatesHalfTheHeapAfterASecond", "victim"),
                spec("GreedyHiddenTests#allocatesAllTheHeap", "greedy"));

        assertEquals(TestStatus.PASSED, result(run, "LateSquatHiddenTests#grabsTheHeapLater").status());
        assertEquals(TestStatus.PASSED,
                result(run, "AllocatingHiddenTests#allocatesHalfTheHeapAfterASecond").status(),
                "the victim passes in a fresh JVM: "
                        + result(run, "AllocatingHiddenTests#allocatesHalfTheHeapAfterASecond").message());
        assertEquals(TestStatus.ERROR, result(run, "GreedyHiddenTests#allocatesAllTheHeap").status(),
                "a test that runs out of memory alone too is charged");
        assertTrue(result(run, "GreedyHiddenTests#allocatesAllTheHeap").message().contains("ran out of memory"));
        assertEquals(3, run.childJvmsStarted(), "the victim's death, the greedy test's first death, its second");
        assertEquals(List.of("`AllocatingHiddenTests.allocatesHalfTheHeapAfterASecond` ran out of memory in a JVM"
                + " that had run another exercise's tests before it; it was run again in a fresh JVM",
                "`GreedyHiddenTests.allocatesAllTheHeap` ran out of memory in a JVM that had run another exercise's"
                + " tests before it; it was run again in a fresh JVM"), run.notes());
    }

    private static SandboxRun run(String name, TestSpec... tests) {
        long start = System.nanoTime();
        SandboxRun run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), List.of(tests),
                Fixtures.workDirectory(temp, name)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, "the run took " + took);
        return run;
    }

    private static TestSpec spec(String classAndMethod, String exercise) {
        return new TestSpec(TestId.parse(Fixtures.PACKAGE + classAndMethod), Duration.ofSeconds(10), exercise);
    }
}
