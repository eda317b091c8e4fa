package dev.gradecheck.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.TestId;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public values' defaults and validation. */
class SandboxSettingsIT {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SandboxSettings defaults = SandboxSettings.defaults();
        assertTrue(Files.isExecutable(defaults.javaExecutable()), defaults.javaExecutable().toString());
        assertEquals(256, defaults.heapMegabytes());
        assertEquals(1024, defaults.stackKilobytes());
        assertEquals(8000, defaults.outputCapChars());
        assertEquals(Duration.ofMinutes(10), defaults.wallClockCap());
        assertTrue(defaults.isolate());
    }

    @Test
    void rejectsValuesOutOfRangeNamingThem() {
        SandboxSettings d = SandboxSettings.defaults();
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class, () -> new SandboxSettings(
                d.javaExecutable(), 1, d.stackKilobytes(), d.wallClockCap(), d.outputCapChars(), true));
        assertEquals("heapMegabytes must be 16..65536, was 1", heap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withWallClockCap(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withOutputCapChars(-1));
    }

    @Test
    void rejectsATestListedTwiceAndANonPositiveTimeout() {
        TestSpec spec = new TestSpec(TestId.parse("a.B#c"), Duration.ofSeconds(1));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new SandboxJob(List.of(), List.of(spec, spec), Path.of("work")));
        assertEquals("test a.B#c is listed twice in the sandbox job", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TestSpec(TestId.parse("a.B#c"), Duration.ZERO));
    }

    @Test
    void runsAnEmptyJobWithoutAChild(@org.junit.jupiter.api.io.TempDir Path work) {
        SandboxRun run = Sandbox.create(SandboxSettings.defaults()).run(new SandboxJob(List.of(), List.of(), work));
        assertEquals(List.of(), run.results());
        assertEquals(0, run.childJvmsStarted());
    }
}
