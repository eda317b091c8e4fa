package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordinary hidden tests through a real child JVM: statuses, messages, output, invocations, report entries. */
class SandboxRunIT {

    @TempDir
    static Path temp;

    private static Path classes;
    private static SandboxRun run;
    private static Duration elapsed;

    @BeforeAll
    static void runTheBasicFixture() {
        classes = Fixtures.compile("basic", temp.resolve("classes"));
        List<TestSpec> tests = List.of(
                spec("BasicHiddenTests#passes"),
                spec("BasicHiddenTests#failsAnAssertion"),
                spec("BasicHiddenTests#crashesInStudentCode"),
                spec("BasicHiddenTests#printsSomething"),
                spec("BasicHiddenTests#parameterized"),
                spec("BasicHiddenTests#parameterizedAllPass"),
                spec("BasicHiddenTests#publishesPartialCredit"),
                spec("BasicHiddenTests#publishesFullCredit"),
                spec("BasicHiddenTests#publishesPartialCreditThenCrashes"),
                spec("BasicHiddenTests#publishesMalformedEntries"),
                spec("BasicHiddenTests#recursesTooDeeply"),
                spec("BasicHiddenTests#iteratesDeeply"),
                spec("BasicHiddenTests#disabled"),
                spec("BasicHiddenTests#noSuchMethod"),
                spec("BrokenSetupHiddenTests#neverRuns"),
                spec("MissingHiddenTests#anything"));
        long start = System.nanoTime();
        run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), tests, work()));
        elapsed = Duration.ofNanos(System.nanoTime() - start);
    }

    private static Path work() {
        return Fixtures.workDirectory(temp, "work");
    }

    @Test
    void returnsOneResultPerTestInJobOrderFromOneChild() {
        assertEquals(16, run.results().size());
        assertEquals("passes", run.results().get(0).id().methodName());
        assertEquals("anything", run.results().get(15).id().methodName());
        assertEquals(1, run.childJvmsStarted());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(60)) < 0, "took " + elapsed);
    }

    @Test
    void reportsPassedTest() {
        TestResult passes = result(run, "BasicHiddenTests#passes");
        assertEquals(TestStatus.PASSED, passes.status());
        assertEquals("", passes.message());
    }

    @Test
    void reportsAssertionFailureWithItsMessage() {
        TestResult failed = result(run, "BasicHiddenTests#failsAnAssertion");
        assertEquals(TestStatus.FAILED, failed.status());
        assertEquals("1 + 2 should be 4 here ==> expected: <4> but was: <3>", failed.message());
    }

    @Test
    void reportsCrashWithStackPrunedToStudentFrames() {
        TestResult crashed = result(run, "BasicHiddenTests#crashesInStudentCode");
        assertEquals(TestStatus.ERROR, crashed.status());
        assertEquals("java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3\n"
                + "  at backprop.fixture.Calculator.lastOf(Calculator.java:14)", crashed.message());
    }

    @Test
    void capturesOutputPerTest() {
        TestResult printed = result(run, "BasicHiddenTests#printsSomething");
        assertEquals(TestStatus.PASSED, printed.status());
        assertEquals("hello from the test\nand from stderr\n", printed.output().text());
        assertEquals(0, printed.output().droppedChars());
        assertEquals("", result(run, "BasicHiddenTests#passes").output().text());
    }

    @Test
    void failsParameterizedMethodOnItsFirstFailingInvocation() {
        TestResult parameterized = result(run, "BasicHiddenTests#parameterized");
        assertEquals(TestStatus.FAILED, parameterized.status());
        assertEquals("invocation [2] 2 (2 of 4 invocations failed): n=2 is even ==> expected: <true> but was: <false>",
                parameterized.message());
        assertEquals(TestStatus.PASSED, result(run, "BasicHiddenTests#parameterizedAllPass").status());
    }

    @Test
    void carriesCreditAndDiagnosesToTheResult() {
        TestResult partial = result(run, "BasicHiddenTests#publishesPartialCredit");
        assertEquals(TestStatus.FAILED, partial.status());
        assertEquals(0.5, partial.credit().orElseThrow());
        assertEquals("earned 50% of this test's points", partial.message());
        assertEquals(List.of(new Diagnosis("missing-batch-sum", "sum db1 over the batch",
                Map.of("relativeError", "0.5", "rows", "4"))), partial.diagnoses());
        TestResult full = result(run, "BasicHiddenTests#publishesFullCredit");
        assertEquals(TestStatus.PASSED, full.status());
        assertEquals(1.0, full.credit().orElseThrow());
    }

    @Test
    void keepsTheLastCreditATestPublishedBeforeItCrashedAndScoresIt() {
        TestResult crashed = result(run, "BasicHiddenTests#publishesPartialCreditThenCrashes");
        assertEquals(TestStatus.ERROR, crashed.status());
        assertEquals(0.5, crashed.credit().orElseThrow());
        assertTrue(crashed.message().startsWith("java.lang.ArrayIndexOutOfBoundsException"), crashed.message());
        TestReport scored = Scores.of(crashed, 4);
        assertEquals(2.0, scored.score());
        assertEquals(TestStatus.ERROR, scored.status());
    }

    @Test
    void ignoresMalformedReportEntriesWithANote() {
        TestResult malformed = result(run, "BasicHiddenTests#publishesMalformedEntries");
        assertEquals(TestStatus.PASSED, malformed.status());
        assertTrue(malformed.credit().isEmpty());
        assertTrue(malformed.diagnoses().isEmpty());
        assertEquals(3, run.notes().stream().filter(n -> n.contains("publishesMalformedEntries: ignored")).count(),
                run.notes().toString());
    }

    @Test
    void reportsStackOverflowAsErrorOfThatTestOnly() {
        TestResult deep = result(run, "BasicHiddenTests#recursesTooDeeply");
        assertEquals(TestStatus.ERROR, deep.status());
        assertTrue(deep.message().startsWith("java.lang.StackOverflowError — an infinite recursion? The stack (1024 KB)"
                + " ran out; use a loop instead of deep recursion\n  at backprop.fixture.Calculator.recurse"
                + "(Calculator.java:18) ("), deep.message());
        assertTrue(deep.message().length() < 400, deep.message());
        assertEquals(TestStatus.PASSED, result(run, "BasicHiddenTests#iteratesDeeply").status());
    }

    @Test
    void reportsTestsThatCannotRun() {
        assertAll(
                () -> assertEquals(TestStatus.NOT_RUN, result(run, "BasicHiddenTests#disabled").status()),
                () -> assertEquals("skipped: not this time", result(run, "BasicHiddenTests#disabled").message()),
                () -> assertEquals(TestStatus.ERROR, result(run, "BasicHiddenTests#noSuchMethod").status()),
                () -> assertEquals("the hidden tests have no method `backprop.fixture.BasicHiddenTests#noSuchMethod`",
                        result(run, "BasicHiddenTests#noSuchMethod").message()),
                () -> assertEquals(TestStatus.ERROR, result(run, "MissingHiddenTests#anything").status()),
                () -> assertEquals("the test class could not be loaded: java.lang.ClassNotFoundException: "
                        + "backprop.fixture.MissingHiddenTests", result(run, "MissingHiddenTests#anything").message()));
    }

    @Test
    void reportsFailureInClassSetupOnItsTests() {
        TestResult broken = result(run, "BrokenSetupHiddenTests#neverRuns");
        assertEquals(TestStatus.ERROR, broken.status());
        assertEquals("its test class `BrokenSetupHiddenTests` did not run it: java.lang.IllegalStateException: "
                + "the fixture data is missing", broken.message());
    }

    @Test
    void recordsIsolation() {
        assertTrue(run.isolation().separateJvm());
        assertFalse(run.isolation().user().isBlank());
        if (!run.isolation().networkNamespace() || !run.isolation().unprivileged()) {
            assertFalse(run.isolation().notes().isEmpty(), "a missing layer must be explained");
        }
    }

    @Test
    void runsTheChildWithoutNetworkAndAsAnotherUserWhenRootOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "full isolation needs Linux, root, unshare and setpriv");
        assertTrue(run.isolation().networkNamespace(), run.isolation().toString());
        assertTrue(run.isolation().unprivileged(), run.isolation().toString());
        if (Files.isExecutable(Path.of("/usr/bin/bwrap"))) {
            assertEquals(dev.gradecheck.api.IsolationLevel.OWN_USER, run.isolation().level(), run.isolation().toString());
            assertEquals("a user id of its own (1900000000 and up)", run.isolation().user());
        } else {
            assertEquals("nobody", run.isolation().user());
        }
    }

    @Test
    void leavesNoPrivateFilesBehind() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(temp.resolve("work"))) {
            assertEquals(List.of(), files.toList());
        }
    }
}
