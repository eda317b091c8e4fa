package dev.gradecheck;

import dev.gradecheck.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link Grader} is set up.
 *
 * @param courseRoot the course (repository) root holding {@code exercises/} and {@code student-template/}
 * @param sandbox limits and isolation of the child JVM running the hidden tests
 * @param clock the only source of time in reports (timestamps and durations)
 */
public record GraderConfig(Path courseRoot, SandboxSettings sandbox, Clock clock) {

    public GraderConfig {
        courseRoot = courseRoot.toAbsolutePath().normalize();
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(clock, "clock");
    }

    /** The course at {@code courseRoot} with default sandbox settings and the system clock (UTC). */
    public static GraderConfig forCourse(Path courseRoot) {
        return new GraderConfig(courseRoot, SandboxSettings.defaults(), Clock.systemUTC());
    }

    /** This configuration with another clock. */
    public GraderConfig withClock(Clock newClock) {
        return new GraderConfig(courseRoot, sandbox, newClock);
    }

    /** This configuration with other sandbox settings. */
    public GraderConfig withSandbox(SandboxSettings newSandbox) {
        return new GraderConfig(courseRoot, newSandbox, clock);
    }
}
