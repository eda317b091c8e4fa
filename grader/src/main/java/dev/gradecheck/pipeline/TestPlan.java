package dev.gradecheck.pipeline;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.Limits;
import dev.gradecheck.sandbox.spec.LingeringThreads;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sandbox stage of one grading as {@link TestScheduler} planned it, driven by the pipeline: check the exercises of
 * each {@linkplain #groups() group}, in order, {@linkplain #start start} the group with those checks (its runnable
 * exercises' tests run in its child, in the background), then {@linkplain #finish finish}.
 *
 * <pre>{@code
 * TestPlan plan = TestScheduler.plan(exercises, children, build);
 * for (TestPlan.Group group : plan.groups()) {
 *     plan.start(group, frontStages.check(group.exercises()));
 * }
 * Optional<SandboxRun> run = plan.finish();
 * }</pre>
 *
 * <p>Used by one grading thread; once.
 */
final class TestPlan {

    /**
     * One child's share of the exercises.
     *
     * @param child the child JVM that runs it (from 0); also the group's key in the plan
     * @param exercises its exercises, in the order the grading listed them
     * @param apart the limits of a child started for this group alone (an exercise with limits of its own); empty for
     *     a group that runs in one of the children started ahead
     */
    record Group(int child, List<Exercise> exercises, Optional<Limits> apart) {

        Group {
            exercises = List.copyOf(exercises);
            Objects.requireNonNull(apart, "apart");
        }
    }

    private final List<Group> groups;
    private final ChildJvms children;
    private final CourseBuild build;
    /** Child index to its run, empty when the group had nothing to run; in the order the groups started. */
    private final Map<Integer, CompletableFuture<Optional<SandboxRun>>> started = new LinkedHashMap<>();

    TestPlan(List<Group> groups, ChildJvms children, CourseBuild build) {
        this.groups = List.copyOf(groups);
        this.children = children;
        this.build = build;
    }

    /** The groups, in the order to check and start them. */
    List<Group> groups() {
        return groups;
    }

    /** Every planned exercise, in the order to check them: group by group. */
    List<Exercise> checkOrder() {
        return groups.stream().flatMap(group -> group.exercises().stream()).toList();
    }

    /**
     * Starts a group with the front stages' checks of its exercises: the runnable ones' hidden tests run in the
     * group's child, in the background; a group without a runnable exercise gives its child no job.
     *
     * @throws IllegalArgumentException if {@code checks} are not those of the group's exercises, in order
     * @throws IllegalStateException if the group has started already
     */
    void start(Group group, List<ExerciseCheck> checks) {
        if (!groups.contains(group) || !checks.stream().map(ExerciseCheck::exercise).toList().equals(group.exercises())) {
            throw new IllegalArgumentException("the checks of group " + group.child() + " must be those of its"
                    + " exercises, in order");
        }
        if (started.containsKey(group.child())) {
            throw new IllegalStateException("group " + group.child() + " has started already");
        }
        List<ExerciseCheck> runnable = checks.stream().filter(ExerciseCheck::runnable).toList();
        started.put(group.child(), runnable.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                : run(group, runnable).thenApply(Optional::of));
    }

    private CompletableFuture<SandboxRun> run(Group group, List<ExerciseCheck> runnable) {
        return group.apart().isPresent()
                ? children.runApart(group.child(), group.apart().get(), classpath(runnable), specs(runnable))
                : children.run(group.child(), classpath(runnable), specs(runnable));
    }

    /**
     * Waits for every group; the merged run, or empty when no exercise was runnable (no child got a job).
     *
     * @throws IllegalStateException when a planned group was never {@linkplain #start started}
     */
    Optional<SandboxRun> finish() {
        if (started.size() != groups.size()) {
            throw new IllegalStateException("not every planned exercise was checked");
        }
        List<SandboxRun> all = new ArrayList<>();
        try {
            started.values().forEach(run -> run.join().ifPresent(all::add));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(merge(all));
    }

    /** The provided classes, each exercise's compiled classes, each exercise's hidden tests, the course's libraries. */
    private List<Path> classpath(List<ExerciseCheck> runnable) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(build.providedClasses());
        for (ExerciseCheck check : runnable) {
            if (check.verdict() instanceof TestVerdict.Run run) {
                classpath.add(run.studentClasses());
            }
        }
        runnable.forEach(check -> classpath.add(build.hiddenTests(check.exercise().id())));
        classpath.addAll(build.courseLibraries());
        return classpath;
    }

    private static List<TestSpec> specs(List<ExerciseCheck> runnable) {
        return runnable.stream()
                .flatMap(check -> check.exercise().tests().stream()
                        .map(test -> new TestSpec(test.id(), test.timeout(), check.exercise().id())))
                .toList();
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
}
