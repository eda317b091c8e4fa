package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Student code that tries to break the grader, run in real child JVMs straight from compiled fixtures (bypassing the
 * grader's source and bytecode checks on purpose: the sandbox must hold on its own).
 *
 * <p>Most cases share one job, the way a hostile submission would arrive: several tests that kill their JVM in
 * different ways, one that never ends, one that floods, one that forges events, one that leaves processes behind,
 * between ordinary tests that must still be graded normally. Each death must cost only its own test.
 */
class HostileCodeIT {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    private static Path classes;
    private static SandboxRun run;
    private static Duration took;

    @BeforeAll
    static void runAHostileJob() {
        classes = Fixtures.compile("hostile", temp.resolve("classes"));
        List<TestSpec> tests = List.of(
                spec("CanaryHiddenTests#passes"),
                spec("HostileHiddenTests#callsSystemExit"),
                spec("HostileHiddenTests#callsRuntimeHalt"),
                spec("HostileHiddenTests#touchesAClassWhoseInitializerExits"),
                spec("HostileHiddenTests#exhaustsTheHeap"),
                spec("HostileHiddenTests#spinsForever", Duration.ofMillis(1500)),
                spec("HostileHiddenTests#floodsStdout"),
                spec("HostileHiddenTests#printsFakeResults"),
                spec("HostileHiddenTests#forgesEvents"),
                spec("HostileHiddenTests#spawnsProcessesAndAThread"),
                spec("ExitingSetupHiddenTests#first"),
                spec("ExitingSetupHiddenTests#second"),
                spec("CanaryHiddenTests#alsoPasses"),
                spec("CanaryHiddenTests#fails"));
        long start = System.nanoTime();
        run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), tests, work("hostile")));
        took = Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void gradesOrdinaryTestsNextToHostileOnesInBoundedTime() {
        assertEquals(TestStatus.PASSED, result(run, "CanaryHiddenTests#passes").status());
        assertEquals(TestStatus.PASSED, result(run, "CanaryHiddenTests#alsoPasses").status());
        assertEquals(TestStatus.FAILED, result(run, "CanaryHiddenTests#fails").status());
        assertEquals("as expected", result(run, "CanaryHiddenTests#fails").message());
        assertTrue(took.compareTo(BOUND) < 0, "the run took " + took);
        // Six tests end their child (five deaths, counting the two tests of ExitingSetupHiddenTests once, and a timeout);
        // a fresh child follows each, unless nothing is left to run.
        assertTrue(run.childJvmsStarted() == 6 || run.childJvmsStarted() == 7, "children: " + run.childJvmsStarted());
    }

    @Test
    void systemExitInATestCostsOnlyThatTest() {
        TestResult exited = result(run, "HostileHiddenTests#callsSystemExit");
        assertEquals(TestStatus.ERROR, exited.status());
        assertEquals("the JVM running your code exited during `HostileHiddenTests.callsSystemExit` (exit code 1) —"
                + " System.exit? an infinite recursion? out of memory?", exited.message());
        assertEquals("about to exit\n", exited.output().text(), "what it printed before exiting is kept");
    }

    @Test
    void runtimeHaltCostsOnlyThatTest() {
        TestResult halted = result(run, "HostileHiddenTests#callsRuntimeHalt");
        assertEquals(TestStatus.ERROR, halted.status());
        assertTrue(halted.message().contains("during `HostileHiddenTests.callsRuntimeHalt` (exit code 7)"),
                halted.message());
    }

    @Test
    void systemExitInAStudentStaticInitializerCostsOnlyTheTestThatTriggersIt() {
        TestResult exited = result(run, "HostileHiddenTests#touchesAClassWhoseInitializerExits");
        assertEquals(TestStatus.ERROR, exited.status());
        assertTrue(exited.message().contains("(exit code 3)"), exited.message());
    }

    @Test
    void exitWhilePreparingATestClassCostsOnlyThatClassesTests() {
        for (String test : List.of("ExitingSetupHiddenTests#first", "ExitingSetupHiddenTests#second")) {
            TestResult lost = result(run, test);
            assertEquals(TestStatus.ERROR, lost.status(), test);
            assertEquals("the JVM running your code exited (exit code 1) while preparing `ExitingSetupHiddenTests`,"
                    + " before this test ran — a static initializer calling System.exit?", lost.message());
        }
    }

    @Test
    void heapExhaustionCostsOnlyThatTestAndSaysSo() {
        TestResult exhausted = result(run, "HostileHiddenTests#exhaustsTheHeap");
        assertEquals(TestStatus.ERROR, exhausted.status());
        assertEquals("the JVM running your code ran out of memory during `HostileHiddenTests.exhaustsTheHeap`"
                + " (heap limit 96 MB) — a huge array, or a collection that keeps growing?", exhausted.message());
    }

    @Test
    void killsChildJvmAfterTimeout() {
        TestResult spun = result(run, "HostileHiddenTests#spinsForever");
        assertEquals(TestStatus.TIMEOUT, spun.status());
        assertEquals("`HostileHiddenTests.spinsForever` did not finish within 1.5 s: your code was still running in"
                + " `Hostile.spin` (Hostile.java:33) — a loop that never ends there? (the process was stopped)",
                spun.message(), "where the student's code was, sampled before the stop");
        assertTrue(spun.duration().compareTo(Duration.ofMillis(1500)) >= 0, spun.duration().toString());
        assertEquals("spinning\n", spun.output().text(), "what it printed before it was killed is kept");
    }

    @Test
    void keepsTheCreditATestPublishedBeforeItWasStoppedForItsTimeAndScoresIt() {
        TestResult spun = result(run, "HostileHiddenTests#spinsForever");
        assertEquals(0.25, spun.credit().orElseThrow());
        TestReport scored = Scores.of(spun, 4);
        assertEquals(1.0, scored.score());
        assertEquals(TestStatus.TIMEOUT, scored.status());
    }

    @Test
    void truncatesAHundredMegabyteFloodAndCountsWhatItDropped() {
        TestResult flood = result(run, "HostileHiddenTests#floodsStdout");
        assertEquals(TestStatus.PASSED, flood.status());
        assertEquals(8000, flood.output().text().length());
        assertEquals(100_000_000 - 8000, flood.output().droppedChars());
    }

    @Test
    void ignoresFakeResultsPrintedToStdout() {
        TestResult faker = result(run, "HostileHiddenTests#printsFakeResults");
        assertEquals(TestStatus.FAILED, faker.status());
        assertEquals("this test fails, whatever it printed", faker.message());
        assertTrue(faker.output().text().contains("Tests run: 10, Failures: 0"), faker.output().text());
        assertTrue(faker.output().text().contains("gradecheck.figure="), faker.output().text());
        assertEquals(List.of(), faker.figures(), "a figure comes only from the test's reporter, over the signed channel");
        assertTrue(faker.credit().isEmpty());
    }

    @Test
    void recordsForgedLinesWrittenToTheChannelPastTheRunner() {
        TestResult forger = result(run, "HostileHiddenTests#forgesEvents");
        assertEquals(TestStatus.FAILED, forger.status());
        assertEquals("this test fails, whatever it appended (3 lines)", forger.message());
        assertEquals(TestStatus.FAILED, result(run, "CanaryHiddenTests#fails").status(), "the forged frame's target");
        Optional<TestId> forgerId = Optional.of(TestId.parse(Fixtures.PACKAGE + "HostileHiddenTests#forgesEvents"));
        assertEquals(List.of(
                new IntegrityEvent(IntegrityEvent.Kind.BAD_SIGNATURE, forgerId,
                        "a line of the events file was rejected: wrong signature", 1),
                new IntegrityEvent(IntegrityEvent.Kind.NOT_A_FRAME, forgerId,
                        "a line of the events file was rejected: not a signed frame", 2)),
                run.integrity().events(), "each forged line is on record, with the test that wrote it");
    }

    @Test
    void leavesNoProcessBehind() {
        assertEquals(TestStatus.PASSED, result(run, "HostileHiddenTests#spawnsProcessesAndAThread").status());
        assertEquals(Optional.empty(), Fixtures.leftover("31.4159"));
        assertEquals(Optional.empty(), Fixtures.leftover("27.1828"));
    }

    @Test
    void stopsEverythingWhenTheJobsTimeRunsOut() {
        SandboxSettings capped = Fixtures.settings().withWallClockCap(Duration.ofSeconds(8));
        long start = System.nanoTime();
        SandboxRun capRun = Sandbox.create(capped).run(new SandboxJob(List.of(classes),
                List.of(spec("HostileHiddenTests#spinsForever", Duration.ofSeconds(60)), spec("CanaryHiddenTests#passes")),
                work("capped")));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(30)) < 0);
        TestResult spun = result(capRun, "HostileHiddenTests#spinsForever");
        assertEquals(TestStatus.TIMEOUT, spun.status());
        assertEquals("`HostileHiddenTests.spinsForever` was stopped when the time for all tests (8 s) ran out",
                spun.message());
        TestResult canary = result(capRun, "CanaryHiddenTests#passes");
        assertEquals(TestStatus.NOT_RUN, canary.status());
        assertEquals("not run: the time for all tests (8 s) ran out before this test started", canary.message());
    }

    @Test
    void childHasNoNetworkWhenIsolated() throws IOException {
        try (ServerSocket grader = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path port = Files.createDirectories(temp.resolve("port"));
            Files.writeString(port.resolve("port.txt"), Integer.toString(grader.getLocalPort()));
            SandboxRun netRun = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes, port),
                    List.of(spec("HostileHiddenTests#cannotReachTheGrader")), work("network")));
            assumeTrue(netRun.isolation().networkNamespace(), "no network namespace here: " + netRun.isolation());
            TestResult reach = result(netRun, "HostileHiddenTests#cannotReachTheGrader");
            assertEquals(TestStatus.PASSED, reach.status(), reach.message());
            grader.setSoTimeout(1);
            try {
                grader.accept().close();
                throw new AssertionError("the child connected to the grader");
            } catch (SocketTimeoutException expected) {
                // nobody called
            }
        }
    }

    private static Path work(String name) {
        return Fixtures.workDirectory(temp, "work-" + name);
    }

}
