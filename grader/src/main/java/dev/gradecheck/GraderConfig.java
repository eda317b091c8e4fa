package dev.gradecheck;

import dev.gradecheck.sandbox.spec.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a {@link Grader} is set up.
 *
 * @param courseRoot the course (repository) root holding {@code exercises/} and {@code student-template/}
 * @param sandbox limits and isolation of the child JVMs running the hidden tests
 * @param clock the only source of time in reports (timestamps and durations)
 * @param testJvms how many child JVMs run one submission's exercises side by side (whole exercises each), 1..16
 * @param standby whether the grader keeps child JVMs started and warmed up for its next submission between gradings
 *     (for a long-lived grader; {@link Grader#close} stops them)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record GraderConfig(Path courseRoot, SandboxSettings sandbox, Clock clock, int testJvms, boolean standby) {

    public GraderConfig {
        courseRoot = courseRoot.toAbsolutePath().normalize();
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(clock, "clock");
        if (testJvms < 1 || testJvms > 16) {
            throw new IllegalArgumentException("testJvms must be 1..16, was " + testJvms);
        }
    }

    /**
     * The course at {@code courseRoot} with default sandbox settings, the system clock (UTC), one test JVM and no
     * standby. (On 2 cores a second test JVM measured no faster: the children spend their time loading and compiling
     * the same classes, and contend for the processors.)
     */
    public static GraderConfig forCourse(Path courseRoot) {
        return new GraderConfig(courseRoot, SandboxSettings.defaults(), Clock.systemUTC(), 1, false);
    }

    /** This configuration with another clock. */
    public GraderConfig withClock(Clock newClock) {
        return new GraderConfig(courseRoot, sandbox, newClock, testJvms, standby);
    }

    /** This configuration with other sandbox settings. */
    public GraderConfig withSandbox(SandboxSettings newSandbox) {
        return new GraderConfig(courseRoot, newSandbox, clock, testJvms, standby);
    }

    /** This configuration with another number of test JVMs side by side. */
    public GraderConfig withTestJvms(int count) {
        return new GraderConfig(courseRoot, sandbox, clock, count, standby);
    }

    /** This configuration with standby child JVMs on or off. */
    public GraderConfig withStandby(boolean on) {
        return new GraderConfig(courseRoot, sandbox, clock, testJvms, on);
    }
}
