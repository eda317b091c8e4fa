package dev.gradecheck.sandbox;

import dev.gradecheck.api.Isolation;
import dev.gradecheck.sandbox.isolation.IsolationProbe;
import dev.gradecheck.sandbox.runtime.ChildClasspath;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.WarmUp;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Runs hidden tests in child JVMs and reports what happened to each, whatever the student's code does: exits,
 * halts, loops forever, exhausts memory or stack, floods its output, forges results or starts processes.
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.create(SandboxSettings.defaults());
 * SandboxRun run = sandbox.run(new SandboxJob(classFolders, tests, workDirectory));
 * }</pre>
 *
 * <p>Each run starts a child JVM for the job's tests; when a child dies or must be killed, the test it was running is
 * settled as an error or timeout and the tests not run yet go to a fresh child. Every child settles at least one test,
 * so a run always ends, and never later than about the settings' wall-clock cap. When {@link #run} returns, no process
 * started for it is left running.
 *
 * <p>Thread-safe: one sandbox may run several jobs at once (each in its own work directory).
 */
@API(status = API.Status.INTERNAL)
public final class Sandbox {

    private final SandboxSettings settings;
    private final ChildClasspath childClasspath;

    private Sandbox(SandboxSettings settings, ChildClasspath childClasspath) {
        this.settings = settings;
        this.childClasspath = childClasspath;
    }

    /**
     * A sandbox with these settings. Throws {@link IllegalStateException} when the child runner
     * ({@code gradecheck-child}) or the libraries the child needs (JUnit, Parsson, the toolkit) are not on the
     * grader's class path.
     */
    public static Sandbox create(SandboxSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new Sandbox(settings, ChildClasspath.locate());
    }

    /** The settings this sandbox runs its children with. */
    public SandboxSettings settings() {
        return settings;
    }

    /** A sandbox like this one (same runner and libraries) whose children run with {@code other} settings. */
    public Sandbox withSettings(SandboxSettings other) {
        return new Sandbox(Objects.requireNonNull(other, "other"), childClasspath);
    }

    /**
     * One TestResult per spec, in the order given. Never throws for anything student code does. Throws
     * {@link IllegalArgumentException} when the work directory does not exist, {@link UncheckedIOException} when the
     * sandbox cannot write its files there, and {@link IllegalStateException} when a child JVM cannot start at all
     * (e.g. a wrong {@code javaExecutable}).
     */
    public SandboxRun run(SandboxJob job) {
        Objects.requireNonNull(job, "job");
        requireDirectory(job.workDirectory());
        try (PreparedRun prepared = PreparedRun.create(settings, childClasspath, job.workDirectory(), false,
                Optional.empty())) {
            return prepared.run(job.classpath(), job.tests());
        }
    }

    /**
     * Starts a child JVM now for a job to come, to be run in {@code workDirectory} (an existing, empty folder the
     * grader owns); the child waits for the job. With {@code warmUp}, it first runs a few tests of the runner's own
     * through its engine ({@link WarmUp#engineOnly()}). Throws as {@link #run} does.
     */
    public PreparedRun prepare(Path workDirectory, boolean warmUp) {
        return prepare(workDirectory, warmUp ? Optional.of(WarmUp.engineOnly()) : Optional.empty());
    }

    /**
     * Starts a child JVM now for a job to come, as {@link #prepare(Path, boolean)} does, warming up as {@code warmUp}
     * says, if given. A warm-up pays off when the job is more than about a second away, as in a long-lived grader
     * (measured with bench/grader-vs-maven.sh); a rehearsal of the course's own tests against its reference solutions
     * pays off most. {@link PreparedRun#expectJob} stops it early.
     */
    public PreparedRun prepare(Path workDirectory, Optional<WarmUp> warmUp) {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(warmUp, "warmUp");
        requireDirectory(workDirectory);
        return PreparedRun.create(settings, childClasspath, workDirectory, true, warmUp);
    }

    /**
     * The isolation children of this sandbox get on this machine, planned for a work directory in the temporary
     * folder (where the grader's scratch folders are). Probes each layer once per JVM.
     */
    public Isolation isolation() {
        return IsolationProbe.plan(settings, Path.of(System.getProperty("java.io.tmpdir"))).isolation();
    }

    private static void requireDirectory(Path workDirectory) {
        if (!Files.isDirectory(workDirectory)) {
            throw new IllegalArgumentException("the sandbox's work directory does not exist: " + workDirectory);
        }
    }
}
