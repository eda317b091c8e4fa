package dev.gradecheck.sandbox;

import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.isolation.IsolationPlan;
import dev.gradecheck.sandbox.isolation.IsolationProbe;
import dev.gradecheck.sandbox.job.ChildSession;
import dev.gradecheck.sandbox.job.JobLedger;
import dev.gradecheck.sandbox.job.StopMessages;
import dev.gradecheck.sandbox.runtime.ChildClasspath;
import dev.gradecheck.sandbox.runtime.ChildRuntime;
import dev.gradecheck.sandbox.runtime.RunFolder;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.spec.WarmUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A sandbox run whose first child JVM may already be starting while the job is still being put together: made by
 * {@link Sandbox#prepare}, it starts the child at once, and the child (after warming up its test engine, if asked
 * to) waits for its job. {@link #run} hands it the job. The child's start-up thus overlaps the caller's work
 * (compiling the student's code), and a long-lived grader can keep one ready for the next submission.
 *
 * <pre>{@code
 * try (PreparedRun prepared = sandbox.prepare(workDirectory)) {
 *     compileTheSubmission();
 *     SandboxRun run = prepared.run(classFolders, tests);
 * }
 * }</pre>
 *
 * <p>A child waiting for its job has loaded no course class: nothing of any submission has been near it. Used once;
 * {@link #close} kills a child that never got its job and deletes the sandbox's files. Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class PreparedRun implements AutoCloseable {

    /** How long a child that is warming up may take to stop once its job is ready, before a fresh child replaces it. */
    static final Duration WARM_UP_GRACE = Duration.ofSeconds(3);

    private final SandboxSettings settings;
    private final Path workDirectory;
    private final IsolationPlan plan;
    private final RunFolder folder;
    private Optional<ChildSession.StartedChild> waiting;
    private Optional<ChildSession.StartedChild> spare = Optional.empty();
    private boolean used;

    private PreparedRun(SandboxSettings settings, Path workDirectory, IsolationPlan plan, RunFolder folder,
                        Optional<ChildSession.StartedChild> waiting) {
        this.settings = settings;
        this.workDirectory = workDirectory;
        this.plan = plan;
        this.folder = folder;
        this.waiting = waiting;
    }

    /**
     * Sets up the run's files; with {@code startNow}, starts its first child too, which warms up first when
     * {@code warmUp} is given.
     */
    static PreparedRun create(SandboxSettings settings, ChildClasspath childClasspath, Path workDirectory,
                              boolean startNow, Optional<WarmUp> warmUp) {
        IsolationPlan plan = IsolationProbe.plan(settings, workDirectory);
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(settings, childClasspath);
        RunFolder folder;
        try {
            folder = RunFolder.create(workDirectory, plan, childClasspath, runtime);
        } catch (IOException e) {
            throw cannotPrepare(workDirectory, e);
        }
        if (!startNow) {
            return new PreparedRun(settings, workDirectory, plan, folder, Optional.empty());
        }
        try {
            return new PreparedRun(settings, workDirectory, plan, folder,
                    Optional.of(ChildSession.start(settings, plan, folder, workDirectory, warmUp)));
        } catch (IOException e) {
            folder.close();
            throw cannotPrepare(workDirectory, e);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static UncheckedIOException cannotPrepare(Path workDirectory, IOException e) {
        return new UncheckedIOException("the sandbox cannot prepare its files in " + workDirectory, e);
    }

    /**
     * Tells a child that is warming up that its job is coming, so it stops warming up now and leaves the processors
     * to the caller's work (compiling); does nothing for a child that does not warm up or has none waiting. Returns
     * at once.
     */
    public void expectJob() {
        waiting.ifPresent(ChildSession.StartedChild::expectJob);
    }

    /**
     * Waits, at most {@code limit}, until the child started with a warm-up has finished warming up; whether it has.
     * False at once when no child is waiting, and after {@code limit} for a child started without a warm-up.
     */
    public boolean awaitWarmedUp(Duration limit) {
        return waiting.map(child -> child.awaitWarmedUp(limit)).orElse(false);
    }

    /** The folder the run works in. */
    public Path workDirectory() {
        return workDirectory;
    }

    /**
     * Runs the tests against these class folders (see {@link SandboxJob} for what they hold) and reports on each, as
     * {@link Sandbox#run} does. Once only.
     *
     * @throws IllegalStateException when called twice or after {@link #close}, or when a child JVM cannot start at all
     */
    public SandboxRun run(List<Path> classpath, List<TestSpec> tests) {
        if (used) {
            throw new IllegalStateException("a prepared sandbox run runs once");
        }
        used = true;
        SandboxJob job = new SandboxJob(classpath, tests, workDirectory);
        JobLedger ledger = new JobLedger(job.tests(), settings.stackKilobytes());
        int children = job.tests().isEmpty() ? 0 : runChildren(job, ledger);
        return new SandboxRun(ledger.results(), plan.isolation(), children, ledger.notes(),
                ledger.integrity(), ledger.lingering(), ledger.squats());
    }

    /** Starts children until every test is settled; returns how many were started. */
    private int runChildren(SandboxJob job, JobLedger ledger) {
        long deadlineNanos = System.nanoTime() + settings.wallClockCap().toNanos();
        int children = 0;
        try {
            folder.stageCourse(job.classpath());
            while (!ledger.remaining().isEmpty()) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    capRemaining(ledger);
                    break;
                }
                children++;
                Optional<ChildSession.StartedChild> child = takeWaitingChild().or(this::takeSpare);
                if (ledger.hasLoops()) {
                    spare = Optional.of(ChildSession.start(settings, plan, folder, workDirectory, Optional.empty()));
                }
                ChildSession.Ending ending = new ChildSession(settings, plan, folder, ledger, workDirectory,
                        deadlineNanos, child).run();
                if (ending == ChildSession.Ending.CAP_REACHED || ending == ChildSession.Ending.INTERRUPTED) {
                    break;
                }
            }
        } catch (IOException e) {
            throw cannotPrepare(workDirectory, e);
        } finally {
            spare.ifPresent(ChildSession.StartedChild::discard);
            spare = Optional.empty();
        }
        return children;
    }

    /**
     * The spare child started beside the last one, if it is alive. Once a test has overrun its limit in a loop, the
     * exercise's later tests stuck in it each end their child after half a second; a spare started while the last
     * child runs hides the next child's start-up behind it.
     */
    private Optional<ChildSession.StartedChild> takeSpare() {
        Optional<ChildSession.StartedChild> child = spare;
        spare = Optional.empty();
        Optional<ChildSession.StartedChild> usable = child.filter(started -> started.process().isAlive());
        if (usable.isEmpty()) {
            child.ifPresent(ChildSession.StartedChild::discard);
        }
        return usable;
    }

    /**
     * The child started ahead, if it is still alive and, when it was warming up, has finished within
     * {@link #WARM_UP_GRACE} of being told its job is coming (a rehearsal stops between two tests, so one stuck in a
     * very slow test would hold the job back). Any other is replaced by a fresh child.
     */
    private Optional<ChildSession.StartedChild> takeWaitingChild() {
        Optional<ChildSession.StartedChild> child = waiting;
        waiting = Optional.empty();
        child.ifPresent(ChildSession.StartedChild::expectJob);
        Optional<ChildSession.StartedChild> usable = child.filter(started -> started.process().isAlive()
                && (!started.warmingUp() || started.awaitWarmedUp(WARM_UP_GRACE)));
        if (usable.isEmpty()) {
            child.ifPresent(ChildSession.StartedChild::discard);
        }
        return usable;
    }

    private void capRemaining(JobLedger ledger) {
        ledger.remaining().forEach(test -> ledger.stop(test, TestStatus.NOT_RUN,
                StopMessages.notRunCapReached(settings.wallClockCap()), Duration.ZERO));
    }

    /** Kills a child still waiting for a job and deletes the sandbox's files. Idempotent. */
    @Override
    public void close() {
        used = true;
        waiting.ifPresent(ChildSession.StartedChild::discard);
        waiting = Optional.empty();
        folder.close();
    }

    @Override
    public String toString() {
        return "PreparedRun[" + Objects.toString(workDirectory) + "]";
    }
}
