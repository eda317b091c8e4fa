package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.spec.WarmUp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs started ahead of their job ({@link Sandbox#prepare}): same results, nothing left running. */
class PreparedRunIT {

    @TempDir
    static Path temp;

    private static Path classes;

    private static final List<TestSpec> TESTS = List.of(
            spec("BasicHiddenTests#passes"),
            spec("BasicHiddenTests#failsAnAssertion"),
            spec("BasicHiddenTests#printsSomething"),
            spec("BasicHiddenTests#publishesPartialCredit"));

    private static Path rehearsalClasses;
    private static Path peekClasses;

    @BeforeAll
    static void compileTheFixtures() {
        classes = Fixtures.compile("basic", temp.resolve("classes"));
        rehearsalClasses = Fixtures.compile("rehearsal", temp.resolve("rehearsal-classes"));
        peekClasses = Fixtures.compile("rehearsal-peek", temp.resolve("peek-classes"));
    }

    /** A rehearsal of 41 tests that takes 4 s per round, unless it is stopped. */
    private static WarmUp slowRehearsal() {
        return WarmUp.rehearsal(List.of(rehearsalClasses), List.of("backprop.fixture.RehearsalHiddenTests#printsAndUsesItsOwnClasses",
                "backprop.fixture.RehearsalHiddenTests#slowly"));
    }

    private static Sandbox sandbox() {
        return Sandbox.create(Fixtures.settings());
    }

    @Test
    void aWarmedUpChildRunsTheJobAsAFreshChildDoes() throws Exception {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "warm"), true)) {
            assertFalse(childProcesses().isEmpty(), "the child starts when the run is prepared");
            Thread.sleep(1500);   // let it warm up and wait, as in a grading server between submissions
            SandboxRun run = prepared.run(List.of(classes), TESTS);
            assertOrdinaryResults(run);
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aRehearsalStopsAtTheSignThatTheJobIsComing() {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "rehearsing"),
                Optional.of(slowRehearsal()))) {
            assertFalse(prepared.awaitWarmedUp(Duration.ofSeconds(2)), "still rehearsing: three rounds take 12 s");
            long signalled = System.nanoTime();
            prepared.expectJob();
            assertTrue(prepared.awaitWarmedUp(Duration.ofSeconds(30)));
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
            assertTrue(stopping.compareTo(Duration.ofSeconds(5)) < 0, "stopped after " + stopping.toMillis() + " ms");
            assertOrdinaryResults(prepared.run(List.of(classes), TESTS));
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aChildStuckInItsRehearsalIsReplacedByAFreshOne() {
        WarmUp stuck = WarmUp.rehearsal(List.of(rehearsalClasses), List.of("backprop.fixture.RehearsalHiddenTests#hangs"));
        long start = System.nanoTime();
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "stuck"), Optional.of(stuck))) {
            assertFalse(prepared.awaitWarmedUp(Duration.ofSeconds(2)));
            SandboxRun run = prepared.run(List.of(classes), TESTS);
            assertOrdinaryResults(run);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took.toMillis() + " ms");
        assertNoProcessLeftBehind();
    }

    @Test
    void aJobSeesNothingOfTheRehearsalBeforeIt() {
        WarmUp quick = WarmUp.rehearsal(List.of(rehearsalClasses),
                List.of("backprop.fixture.RehearsalHiddenTests#printsAndUsesItsOwnClasses"));
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "rehearsed"), Optional.of(quick))) {
            assertTrue(prepared.awaitWarmedUp(Duration.ofSeconds(30)), "the rehearsal ran to its end");
            SandboxRun run = prepared.run(List.of(classes, peekClasses), Stream.concat(TESTS.stream(),
                    Stream.of(spec("PeekHiddenTests#theRehearsalsClassesAreOutOfReach"))).toList());
            assertOrdinaryResults(run);   // its own Calculator, and its own output only
            assertEquals(TestStatus.PASSED, result(run, "PeekHiddenTests#theRehearsalsClassesAreOutOfReach").status(),
                    () -> result(run, "PeekHiddenTests#theRehearsalsClassesAreOutOfReach").message());
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aChildWithoutWarmUpNeverSaysItWarmedUp() {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "unwarmed"), false)) {
            assertFalse(prepared.awaitWarmedUp(Duration.ofMillis(300)));
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aChildStartedWithoutWarmUpRunsTheJobToo() {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "cold"), false)) {
            assertOrdinaryResults(prepared.run(List.of(classes), TESTS));
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aWaitingChildThatDiedIsReplacedByAFreshOne() throws Exception {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "died"), true)) {
            childProcesses().forEach(ProcessHandle::destroyForcibly);
            assertNoProcessLeftBehind();
            assertOrdinaryResults(prepared.run(List.of(classes), TESTS));
        }
    }

    @Test
    void closingAnUnusedRunStopsItsChild() {
        PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "unused"), true);
        assertFalse(childProcesses().isEmpty());
        prepared.close();
        assertNoProcessLeftBehind();
        assertThrows(IllegalStateException.class, () -> prepared.run(List.of(classes), TESTS));
    }

    @Test
    void aPreparedRunRunsOnce() {
        try (PreparedRun prepared = sandbox().prepare(Fixtures.workDirectory(temp, "once"), false)) {
            prepared.run(List.of(classes), List.of(spec("BasicHiddenTests#passes")));
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> prepared.run(List.of(classes), List.of(spec("BasicHiddenTests#passes"))));
            assertEquals("a prepared sandbox run runs once", again.getMessage());
        }
    }

    private static void assertOrdinaryResults(SandboxRun run) {
        assertEquals(1, run.childJvmsStarted());
        assertEquals(TestStatus.PASSED, result(run, "BasicHiddenTests#passes").status());
        assertEquals(TestStatus.FAILED, result(run, "BasicHiddenTests#failsAnAssertion").status());
        TestResult printed = result(run, "BasicHiddenTests#printsSomething");
        assertEquals("hello from the test\nand from stderr\n", printed.output().text(),
                "nothing of the warm-up may reach a test's output");
        assertEquals(0.5, result(run, "BasicHiddenTests#publishesPartialCredit").credit().orElseThrow());
        assertTrue(run.results().stream().allMatch(r -> r.duration().compareTo(Duration.ofSeconds(30)) < 0));
    }

    private static List<ProcessHandle> childProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
