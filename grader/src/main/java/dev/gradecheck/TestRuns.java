package dev.gradecheck;

import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.sandbox.PreparedRun;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.sandbox.TestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sandbox stage of one grading: the hidden tests of the runnable exercises, split into up to
 * {@code parallelChildren} groups of whole exercises, each group in a child JVM of its own, side by side.
 *
 * <p>The children are started by {@link #prepare} before the grader compiles anything, so their start-up overlaps
 * the front stages; each waits for its group. A group's child that dies costs only that group's running
 * test, as in any sandbox run. Exercises go to the group with the fewest tests so far, the larger exercises first.
 */
final class TestRuns implements AutoCloseable {

    private final List<PreparedRun> prepared;

    private TestRuns(List<PreparedRun> prepared) {
        this.prepared = List.copyOf(prepared);
    }

    /**
     * Starts {@code children} child JVMs, each in its own folder {@code run-N} below {@code scratch}; with
     * {@code warmUp} they warm up their test engine while they wait (see {@link Sandbox#prepare}).
     */
    static TestRuns prepare(Sandbox sandbox, Path scratch, int children, boolean warmUp) {
        List<PreparedRun> started = new ArrayList<>();
        try {
            for (int i = 1; i <= children; i++) {
                started.add(sandbox.prepare(Files.createDirectory(scratch.resolve("run-" + i)), warmUp));
            }
            return new TestRuns(started);
        } catch (IOException e) {
            started.forEach(PreparedRun::close);
            throw new UncheckedIOException("cannot create a sandbox folder in " + scratch, e);
        } catch (RuntimeException e) {
            started.forEach(PreparedRun::close);
            throw e;
        }
    }

    /**
     * Runs the hidden tests of these exercises, whose checks all passed; empty when there are none (no child gets a
     * job). Every child is closed afterwards.
     */
    Optional<SandboxRun> run(List<ExerciseCheck> runnable, CourseBuild build) {
        if (runnable.isEmpty()) {
            return Optional.empty();
        }
        List<List<ExerciseCheck>> groups = groups(runnable, prepared.size());
        List<CompletableFuture<SandboxRun>> runs = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            PreparedRun run = prepared.get(i);
            List<ExerciseCheck> group = groups.get(i);
            runs.add(CompletableFuture.supplyAsync(() -> runGroup(run, group, build), TestRuns::startThread));
        }
        SandboxRun first = runGroup(prepared.get(0), groups.get(0), build);
        List<SandboxRun> all = new ArrayList<>(List.of(first));
        try {
            runs.forEach(run -> all.add(run.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return Optional.of(merge(all));
    }

    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "gradecheck-test-run");
        thread.setDaemon(true);
        thread.start();
    }

    private static SandboxRun runGroup(PreparedRun run, List<ExerciseCheck> group, CourseBuild build) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(build.providedClasses());
        group.forEach(check -> classpath.add(check.studentClasses()));
        group.forEach(check -> classpath.add(build.hiddenTests(check.exercise().id())));
        List<TestSpec> specs = group.stream()
                .flatMap(check -> check.exercise().tests().stream())
                .map(test -> new TestSpec(test.id(), test.timeout()))
                .toList();
        try (run) {
            return run.run(classpath, specs);
        }
    }

    /** At most {@code count} non-empty groups; each exercise joins the group with the fewest tests so far. */
    static List<List<ExerciseCheck>> groups(List<ExerciseCheck> runnable, int count) {
        int size = Math.max(1, Math.min(count, runnable.size()));
        List<List<ExerciseCheck>> groups = new ArrayList<>();
        int[] tests = new int[size];
        for (int i = 0; i < size; i++) {
            groups.add(new ArrayList<>());
        }
        List<ExerciseCheck> largestFirst = runnable.stream()
                .sorted(Comparator.comparingInt((ExerciseCheck check) -> check.exercise().tests().size()).reversed()
                        .thenComparing(check -> check.exercise().id()))
                .toList();
        for (ExerciseCheck check : largestFirst) {
            int smallest = 0;
            for (int i = 1; i < size; i++) {
                if (tests[i] < tests[smallest]) {
                    smallest = i;
                }
            }
            groups.get(smallest).add(check);
            tests[smallest] += check.exercise().tests().size();
        }
        return groups;
    }

    /** One run for the report: every group's results, the (common) isolation, all children and notes. */
    private static SandboxRun merge(List<SandboxRun> runs) {
        List<TestResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int children = 0;
        for (SandboxRun run : runs) {
            results.addAll(run.results());
            notes.addAll(run.notes());
            children += run.childJvmsStarted();
        }
        return new SandboxRun(results, runs.get(0).isolation(), children, notes);
    }

    /** Kills the children that got no job and deletes their files. */
    @Override
    public void close() {
        prepared.forEach(PreparedRun::close);
    }
}
