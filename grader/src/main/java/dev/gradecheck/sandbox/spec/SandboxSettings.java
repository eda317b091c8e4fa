package dev.gradecheck.sandbox.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

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
 * @param betweenTestsLimit how long a child may go without an event outside any test (loading and initializing test
 *     classes, which may run student code) before it counts as hung and is killed; the longest test limit of its job
 *     applies when that is longer
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SandboxSettings(Path javaExecutable, int heapMegabytes, int stackKilobytes,
                              Duration wallClockCap, int outputCapChars, boolean isolate, Duration betweenTestsLimit) {

    /** The default limit between tests. */
    public static final Duration BETWEEN_TESTS_LIMIT = Duration.ofSeconds(30);

    public SandboxSettings {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(wallClockCap, "wallClockCap");
        Objects.requireNonNull(betweenTestsLimit, "betweenTestsLimit");
        if (betweenTestsLimit.isNegative() || betweenTestsLimit.isZero()) {
            throw new IllegalArgumentException("betweenTestsLimit must be positive, was " + betweenTestsLimit);
        }
        requireRange("heapMegabytes", heapMegabytes, 16, 65_536);
        requireRange("stackKilobytes", stackKilobytes, 128, 1_048_576);
        requireRange("outputCapChars", outputCapChars, 0, 10_000_000);
        if (wallClockCap.isNegative() || wallClockCap.isZero()) {
            throw new IllegalArgumentException("wallClockCap must be positive, was " + wallClockCap);
        }
    }

    /** Settings with the default limit between tests ({@link #BETWEEN_TESTS_LIMIT}). */
    public SandboxSettings(Path javaExecutable, int heapMegabytes, int stackKilobytes, Duration wallClockCap,
                           int outputCapChars, boolean isolate) {
        this(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, outputCapChars, isolate, BETWEEN_TESTS_LIMIT);
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
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, cap, outputCapChars, isolate,
                betweenTestsLimit);
    }

    /** These settings with isolation layers on or off. */
    public SandboxSettings withIsolate(boolean on) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, outputCapChars, on,
                betweenTestsLimit);
    }

    /** These settings with another maximum heap per child. */
    public SandboxSettings withHeapMegabytes(int megabytes) {
        return new SandboxSettings(javaExecutable, megabytes, stackKilobytes, wallClockCap, outputCapChars, isolate,
                betweenTestsLimit);
    }

    /** These settings with another thread stack size per child. */
    public SandboxSettings withStackKilobytes(int kilobytes) {
        return new SandboxSettings(javaExecutable, heapMegabytes, kilobytes, wallClockCap, outputCapChars, isolate,
                betweenTestsLimit);
    }

    /** These settings with another output cap per test. */
    public SandboxSettings withOutputCapChars(int cap) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, cap, isolate,
                betweenTestsLimit);
    }

    /** These settings with another limit between tests. */
    public SandboxSettings withBetweenTestsLimit(Duration limit) {
        return new SandboxSettings(javaExecutable, heapMegabytes, stackKilobytes, wallClockCap, outputCapChars, isolate,
                limit);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
