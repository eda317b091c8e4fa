package dev.gradecheck.pipeline;

import dev.gradecheck.course.Limits;
import dev.gradecheck.sandbox.PreparedRun;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.spec.WarmUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The child JVMs of one grading, started before it compiles anything so that their start-up overlaps the front
 * stages; each waits for one job. Planned once ({@link TestScheduler#plan}); used by one grading thread.
 */
final class ChildJvms implements AutoCloseable {

    private final Sandbox sandbox;
    private final Path scratch;
    private final List<PreparedRun> prepared;
    private final List<CompletableFuture<SandboxRun>> jobs = new ArrayList<>();
    private boolean planned;

    private ChildJvms(Sandbox sandbox, Path scratch, List<PreparedRun> prepared) {
        this.sandbox = sandbox;
        this.scratch = scratch;
        this.prepared = List.copyOf(prepared);
    }

    /**
     * Starts {@code count} child JVMs, each in its own folder {@code run-N} below {@code scratch}; with a
     * {@code warmUp} they warm up while they wait (see {@link Sandbox#prepare(Path, Optional)}).
     */
    static ChildJvms prepare(Sandbox sandbox, Path scratch, int count, Optional<WarmUp> warmUp) {
        List<PreparedRun> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                started.add(sandbox.prepare(Files.createDirectory(scratch.resolve("run-" + i)), warmUp));
            }
            return new ChildJvms(sandbox, scratch, started);
        } catch (IOException e) {
            started.forEach(PreparedRun::close);
            throw new UncheckedIOException("cannot create a sandbox folder in " + scratch, e);
        } catch (RuntimeException e) {
            started.forEach(PreparedRun::close);
            throw e;
        }
    }

    /** How many children there are: at least one. */
    int count() {
        return prepared.size();
    }

    /** Waits, at most {@code limit} for each, until children started with a warm-up have warmed up. */
    void awaitWarmedUp(Duration limit) {
        prepared.forEach(run -> run.awaitWarmedUp(limit));
    }

    /** Tells children that are warming up that their jobs are coming (see {@link PreparedRun#expectJob}). */
    void expectJobs() {
        prepared.forEach(PreparedRun::expectJob);
    }

    /** Takes these children for the one plan they serve. @throws IllegalStateException the second time */
    void claim() {
        if (planned) {
            throw new IllegalStateException("test runs are planned once");
        }
        planned = true;
    }

    /** Runs these tests in child {@code index} (from 0), in the background; the child ends with its job. */
    CompletableFuture<SandboxRun> run(int index, List<Path> classpath, List<TestSpec> specs) {
        PreparedRun run = prepared.get(index);
        CompletableFuture<SandboxRun> job = CompletableFuture.supplyAsync(() -> {
            try (run) {
                return run.run(classpath, specs);
            }
        }, DaemonThreads.starting("gradecheck-test-run"));
        jobs.add(job);
        return job;
    }

    /**
     * Runs these tests in a child started now for them alone, with {@code limits} applied to the sandbox's settings
     * (an exercise with limits of its own), in its own folder {@code apart-INDEX}, in the background.
     */
    CompletableFuture<SandboxRun> runApart(int index, Limits limits, List<Path> classpath, List<TestSpec> specs) {
        Sandbox limited = sandbox.withSettings(ChildLimits.applied(sandbox.settings(), limits));
        CompletableFuture<SandboxRun> job = CompletableFuture.supplyAsync(() -> {
            Path folder;
            try {
                folder = Files.createDirectory(scratch.resolve("apart-" + index));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a sandbox folder in " + scratch, e);
            }
            try (PreparedRun run = limited.prepare(folder, Optional.empty())) {
                return run.run(classpath, specs);
            }
        }, DaemonThreads.starting("gradecheck-test-run"));
        jobs.add(job);
        return job;
    }

    /**
     * Waits for the jobs still running (when the grading failed before they were awaited), then kills the children
     * that got no job and deletes their files.
     */
    @Override
    public void close() {
        for (CompletableFuture<SandboxRun> job : jobs) {
            try {
                job.join();
            } catch (CompletionException | CancellationException e) {
                // Already reported by the plan, or the grading failed elsewhere and reports that.
            }
        }
        prepared.forEach(PreparedRun::close);
    }
}
