package dev.gradecheck.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox runs its child JVMs.
 *
 * @param javaExecutable the {@code java} launcher for child JVMs (Java 17 or later)
 * @param heapMegabytes maximum heap of a child ({@code -Xmx}), 16..65536
 * @param stackKilobytes thread stack size of a child ({@code -Xss}), 128..1048576; with the default 1024, a
 *     100,000-deep recursion overflows while iterative code is unaffected
 * @param wallClockCap the most time one job may take in all, over all its child JVMs; when it runs out, the running
 *     test is stopped as timed out and what has not run yet is reported as not run
 * @param outputCapChars how many characters of each test's output are kept, 0..10,000,000
 * @param isolate whether to add the operating system's isolation layers (network namespace, unprivileged user,
 *     process and file-size limits) when available; a separate JVM is used either way
 */
public record SandboxSettings(Path javaExecutable, int heapMegabytes, int stackKilobytes,
                              Duration wallClockCap, int outputCapChars, boolean isolate) {

    public SandboxSettings {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(wallClockCap, "wallClockCap");
        requireRange("heapMegabytes", heapMegabytes, 16, 65_536);
        requireRange("stackKilobytes", stackKilobytes, 128, 1_048_576);
        requireRange("outputCapChars", outputCapChars, 0, 10_000_000);
        if (wallClockCap.isNegative() || wallClockCap.isZero()) {
            throw new IllegalArgumentException("wallClockCap must be positive, was " + wallClockCap);
        }
    }

    /**
     * The running JVM's {@code java}, 256 MB heap, 1024 KB stacks, 10 minutes for a whole job, 8000 characters of
     * output per test, isolation on.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(Path.of(System.getProperty("java.home"), "bin", "java"), 256, 1024,
                Duration.ofMinutes(10), 8000, true);
    }

    /** These settings with another time cap for a whole job. */
    public SandboxSettings withWallClockCap(Duration cap) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, cap, outputCapChars, isolate);
    }

    /** These settings with isolation layers on or off. */
    public SandboxSettings withIsolate(boolean on) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, outputCapChars, on);
    }

    /** These settings with another output cap per test. */
    public SandboxSettings withOutputCapChars(int cap) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, cap, isolate);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
