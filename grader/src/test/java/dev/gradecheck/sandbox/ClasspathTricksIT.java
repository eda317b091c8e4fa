package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.TestStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course class path carrying {@code META-INF/services} entries (a test engine, a listener, a launcher interceptor and
 * an extension that swallows failures), a {@code junit-platform.properties} turning on extension autodetection, dry
 * runs and interceptors, and a fake {@code org.junit.jupiter.api.Assertions} whose checks never fail. None of it may
 * change a result.
 */
class ClasspathTricksIT {

    @TempDir
    Path temp;

    @Test
    void servicesPropertiesAndFakeJunitClassesHaveNoEffect() {
        Path classes = Fixtures.compile("classpath-tricks", temp.resolve("classes"));
        SandboxRun run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes),
                List.of(spec("TricksHiddenTests#failsHonestly"), spec("TricksHiddenTests#passesHonestly")),
                Fixtures.workDirectory(temp, "work")));
        assertEquals(TestStatus.FAILED, result(run, "TricksHiddenTests#failsHonestly").status(),
                result(run, "TricksHiddenTests#failsHonestly").message());
        assertEquals("expected: <1> but was: <2>", result(run, "TricksHiddenTests#failsHonestly").message());
        assertEquals(TestStatus.PASSED, result(run, "TricksHiddenTests#passesHonestly").status());
        assertEquals(1, run.childJvmsStarted());
    }
}
