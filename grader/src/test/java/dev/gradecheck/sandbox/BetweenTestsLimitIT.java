package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child that hangs outside any test (a static initializer that never ends) is stopped at the limit between tests. */
class BetweenTestsLimitIT {

    @TempDir
    Path temp;

    @Test
    void aTestClassWhoseSetupNeverEndsCostsOnlyItsOwnTests() {
        Path classes = Fixtures.compile("hostile", temp.resolve("classes"));
        Duration limit = Duration.ofMillis(1500);
        List<TestSpec> tests = List.of(
                spec("HangingSetupHiddenTests#first", limit),
                spec("HangingSetupHiddenTests#second", limit),
                spec("CanaryHiddenTests#passes", limit));
        SandboxSettings settings = Fixtures.settings().withBetweenTestsLimit(Duration.ofSeconds(2));
        SandboxRun run = Sandbox.create(settings).run(new SandboxJob(List.of(classes), tests,
                Fixtures.workDirectory(temp, "work")));
        for (String test : List.of("HangingSetupHiddenTests#first", "HangingSetupHiddenTests#second")) {
            TestResult hung = result(run, test);
            assertEquals(TestStatus.TIMEOUT, hung.status(), test);
            assertEquals("the JVM running your code was busy for over 2.3 s while preparing `HangingSetupHiddenTests`,"
                    + " before this test ran — a static initializer that never ends? (the process was stopped)",
                    hung.message());
        }
        assertEquals(TestStatus.PASSED, result(run, "CanaryHiddenTests#passes").status(),
                "a fresh child runs the rest");
        assertEquals(2, run.childJvmsStarted());
        assertNoProcessLeftBehind();
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.settings().withBetweenTestsLimit(Duration.ZERO));
        assertEquals(SandboxSettings.BETWEEN_TESTS_LIMIT, SandboxSettings.defaults().betweenTestsLimit());
    }
}
