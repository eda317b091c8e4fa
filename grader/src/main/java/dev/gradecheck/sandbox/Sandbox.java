package dev.gradecheck.sandbox;

import dev.gradecheck.api.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
public final class Sandbox {

    private final SandboxSettings settings;
    private final ChildClasspath childClasspath;

    private Sandbox(SandboxSettings settings, ChildClasspath childClasspath) {
        this.settings = settings;
        this.childClasspath = childClasspath;
    }

    /**
     * A sandbox with these settings. Throws {@link IllegalStateException} when the libraries the child needs (JUnit,
     * Parsson, the toolkit) are not on the grader's class path.
     */
    public static Sandbox create(SandboxSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new Sandbox(settings, ChildClasspath.locate());
    }

    /**
     * One TestResult per spec, in the order given. Never throws for anything student code does. Throws
     * {@link IllegalArgumentException} when the work directory does not exist, {@link UncheckedIOException} when the
     * sandbox cannot write its files there, and {@link IllegalStateException} when a child JVM cannot start at all
     * (e.g. a wrong {@code javaExecutable}).
     */
    public SandboxRun run(SandboxJob job) {
        Objects.requireNonNull(job, "job");
        if (!Files.isDirectory(job.workDirectory())) {
            throw new IllegalArgumentException("the sandbox's work directory does not exist: " + job.workDirectory());
        }
        IsolationPlan plan = IsolationProbe.plan(settings, job.workDirectory());
        JobLedger ledger = new JobLedger(job.tests(), settings.stackKilobytes());
        int children = job.tests().isEmpty() ? 0 : runChildren(job, plan, ledger);
        return new SandboxRun(ledger.results(), plan.isolation(), children, ledger.notes());
    }

    /** Starts children until every test is settled; returns how many were started. */
    private int runChildren(SandboxJob job, IsolationPlan plan, JobLedger ledger) {
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(settings, childClasspath);
        long deadlineNanos = System.nanoTime() + settings.wallClockCap().toNanos();
        int children = 0;
        try (RunFolder folder = RunFolder.create(job.workDirectory(), plan.childUid(), childClasspath, runtime,
                job.classpath())) {
            while (!ledger.remaining().isEmpty()) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    capRemaining(ledger);
                    break;
                }
                children++;
                ChildSession.Ending ending = new ChildSession(settings, plan, folder, ledger, job.workDirectory(),
                        deadlineNanos).run();
                if (ending == ChildSession.Ending.CAP_REACHED || ending == ChildSession.Ending.INTERRUPTED) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox cannot prepare its files in " + job.workDirectory(), e);
        }
        return children;
    }

    private void capRemaining(JobLedger ledger) {
        List<TestSpec> remaining = ledger.remaining();
        remaining.forEach(test -> ledger.stop(test, TestStatus.NOT_RUN,
                StopMessages.notRunCapReached(settings.wallClockCap()), Duration.ZERO));
    }
}
