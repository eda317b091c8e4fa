package dev.gradecheck;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.sandbox.LingeringThreads;
import dev.gradecheck.sandbox.PreparedRun;
import dev.gradecheck.sandbox.ResourceSquat;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.sandbox.TestSpec;
import dev.gradecheck.sandbox.WarmUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sandbox stage of one grading: the hidden tests of the runnable exercises, split into up to one group of whole
 * exercises per child JVM, each group in its own child, and each group started as soon as its exercises are checked.
 *
 * <pre>{@code
 * try (TestRuns runs = TestRuns.prepare(sandbox, scratch, 2, Optional.empty())) {
 *     for (Exercise exercise : runs.plan(exercises, build)) {
 *         runs.checked(frontStages(exercise));          // a group starts once all its exercises are checked
 *     }
 *     Optional<SandboxRun> run = runs.finish();
 * }
 * }</pre>
 *
 * <p>The children are started by {@link #prepare} before the grader compiles anything, so their start-up overlaps
 * the front stages; each waits for its group. With two or more children, the first group's tests run while the
 * grader still compiles and checks the other groups' exercises. Exercises go to the group with the fewest tests so
 * far, the larger exercises first; the group with the most tests is checked first. A group's child that dies costs
 * only that group's running test, as in any sandbox run. Used by one grading thread; once.
 */
final class TestRuns implements AutoCloseable {

    private final List<PreparedRun> prepared;
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final List<List<ExerciseCheck>> checkedByGroup = new ArrayList<>();
    private final List<CompletableFuture<Optional<SandboxRun>>> started = new ArrayList<>();
    private List<List<Exercise>> groups = List.of();
    private CourseBuild build;

    private TestRuns(List<PreparedRun> prepared) {
        this.prepared = List.copyOf(prepared);
    }

    /**
     * Starts {@code children} child JVMs, each in its own folder {@code run-N} below {@code scratch}; with a
     * {@code warmUp} they warm up while they wait (see {@link Sandbox#prepare(Path, Optional)}).
     */
    static TestRuns prepare(Sandbox sandbox, Path scratch, int children, Optional<WarmUp> warmUp) {
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

    /** Waits, at most {@code limit} for each, until children started with a warm-up have warmed up. */
    void awaitWarmedUp(Duration limit) {
        prepared.forEach(run -> run.awaitWarmedUp(limit));
    }

    /** Tells children that are warming up that their jobs are coming (see {@link PreparedRun#expectJob}). */
    void expectJobs() {
        prepared.forEach(PreparedRun::expectJob);
    }

    /**
     * Splits these exercises among the children and returns the order to check them in: group by group, the first
     * group's exercises first, each group in the order given. Then call {@link #checked} for each, in that order.
     */
    List<Exercise> plan(List<Exercise> exercises, CourseBuild courseBuild) {
        if (!groups.isEmpty() || build != null) {
            throw new IllegalStateException("test runs are planned once");
        }
        build = courseBuild;
        groups = groups(exercises, prepared.size()).stream()
                .sorted(Comparator.comparingInt(TestRuns::tests).reversed())
                .map(group -> exercises.stream().filter(group::contains).toList())
                .toList();
        List<Exercise> order = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (Exercise exercise : groups.get(i)) {
                groupOf.put(exercise.id(), i);
                order.add(exercise);
            }
            checkedByGroup.add(new ArrayList<>());
        }
        return order;
    }

    /**
     * Takes the front stages' verdict on one planned exercise. When it completes its group, the group's runnable
     * exercises start in the group's child, in the background.
     */
    void checked(ExerciseCheck check) {
        Integer group = groupOf.get(check.exercise().id());
        if (group == null) {
            throw new IllegalArgumentException("exercise " + check.exercise().id() + " was not planned");
        }
        List<ExerciseCheck> checks = checkedByGroup.get(group);
        checks.add(check);
        if (checks.size() == groups.get(group).size()) {
            List<ExerciseCheck> runnable = checks.stream().filter(ExerciseCheck::runnable).toList();
            PreparedRun run = prepared.get(group);
            started.add(runnable.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> Optional.of(runGroup(run, runnable, build)),
                            DaemonThreads.starting("gradecheck-test-run")));
        }
    }

    /**
     * Waits for every group that started; the merged run, or empty when no exercise was runnable (no child got a
     * job).
     *
     * @throws IllegalStateException when an exercise that was planned was never {@link #checked}
     */
    Optional<SandboxRun> finish() {
        if (started.size() != groups.size()) {
            throw new IllegalStateException("not every planned exercise was checked");
        }
        List<SandboxRun> all = new ArrayList<>();
        try {
            started.forEach(run -> run.join().ifPresent(all::add));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(merge(all));
    }

    private static SandboxRun runGroup(PreparedRun run, List<ExerciseCheck> group, CourseBuild build) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(build.providedClasses());
        group.forEach(check -> classpath.add(check.studentClasses()));
        group.forEach(check -> classpath.add(build.hiddenTests(check.exercise().id())));
        List<TestSpec> specs = group.stream()
                .flatMap(check -> check.exercise().tests().stream()
                        .map(test -> new TestSpec(test.id(), test.timeout(), check.exercise().id())))
                .toList();
        try (run) {
            return run.run(classpath, specs);
        }
    }

    /** At most {@code count} non-empty groups; each exercise joins the group with the fewest tests so far. */
    static List<List<Exercise>> groups(List<Exercise> exercises, int count) {
        int size = Math.max(1, Math.min(count, exercises.size()));
        List<List<Exercise>> groups = new ArrayList<>();
        int[] tests = new int[size];
        for (int i = 0; i < size; i++) {
            groups.add(new ArrayList<>());
        }
        List<Exercise> largestFirst = exercises.stream()
                .sorted(Comparator.comparingInt((Exercise exercise) -> exercise.tests().size()).reversed()
                        .thenComparing(Exercise::id))
                .toList();
        for (Exercise exercise : largestFirst) {
            int smallest = 0;
            for (int i = 1; i < size; i++) {
                if (tests[i] < tests[smallest]) {
                    smallest = i;
                }
            }
            groups.get(smallest).add(exercise);
            tests[smallest] += exercise.tests().size();
        }
        return groups;
    }

    private static int tests(List<Exercise> group) {
        return group.stream().mapToInt(exercise -> exercise.tests().size()).sum();
    }

    /**
     * One run for the report: every group's results, the (common) isolation, all children, notes and integrity
     * events (groups in the order they were checked, which depends on the course only).
     */
    private static SandboxRun merge(List<SandboxRun> runs) {
        List<TestResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Integrity integrity = Integrity.NONE;
        List<LingeringThreads> lingering = new ArrayList<>();
        List<ResourceSquat> squats = new ArrayList<>();
        int children = 0;
        for (SandboxRun run : runs) {
            results.addAll(run.results());
            notes.addAll(run.notes());
            integrity = integrity.and(run.integrity());
            lingering.addAll(run.lingering());
            squats.addAll(run.squats());
            children += run.childJvmsStarted();
        }
        return new SandboxRun(results, runs.get(0).isolation(), children, notes, integrity, lingering,
                squats);
    }

    /**
     * Waits for the groups still running (when the grading failed before {@link #finish}), then kills the children
     * that got no job and deletes their files.
     */
    @Override
    public void close() {
        for (CompletableFuture<Optional<SandboxRun>> run : started) {
            try {
                run.join();
            } catch (CompletionException | CancellationException e) {
                // Already reported by finish, or the grading failed elsewhere and reports that.
            }
        }
        prepared.forEach(PreparedRun::close);
    }
}
