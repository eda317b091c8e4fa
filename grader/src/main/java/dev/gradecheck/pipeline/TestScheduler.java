package dev.gradecheck.pipeline;

import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.Limits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits the hidden tests of one grading among its child JVMs: up to one group of whole exercises per child.
 * Exercises go to the group with the fewest tests so far, the larger exercises first; the group with the most tests
 * is checked (and so started) first, so with two or more children its tests run while the front stages still check
 * the other groups' exercises. A group's child that dies costs only that group's running test. An exercise whose
 * limits (heap, stack, output cap) differ from its course's runs apart, in a child started for it with its limits,
 * after the others. Stateless.
 */
final class TestScheduler {

    private TestScheduler() {
    }

    /**
     * The plan for these exercises on these children: the groups in the order to check and start them, each holding
     * its exercises in the order given.
     *
     * @throws IllegalStateException if the children were planned already
     */
    static TestPlan plan(List<Exercise> exercises, ChildJvms children, CourseBuild build) {
        return plan(exercises, children, build, Limits.NONE);
    }

    /**
     * The plan for these exercises on these children, those whose limits differ from {@code courseLimits} each in a
     * child of its own, planned last.
     *
     * @throws IllegalStateException if the children were planned already
     */
    static TestPlan plan(List<Exercise> exercises, ChildJvms children, CourseBuild build, Limits courseLimits) {
        children.claim();
        List<Exercise> shared = exercises.stream().filter(exercise -> exercise.limits().equals(courseLimits)).toList();
        List<List<Exercise>> groups = groups(shared, children.count()).stream()
                .filter(group -> !group.isEmpty())
                .sorted(Comparator.comparingInt(TestScheduler::tests).reversed())
                .map(group -> shared.stream().filter(group::contains).toList())
                .toList();
        List<TestPlan.Group> planned = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            planned.add(new TestPlan.Group(i, groups.get(i), Optional.empty()));
        }
        int next = Math.max(groups.size(), children.count());
        for (Exercise exercise : exercises) {
            if (!shared.contains(exercise)) {
                planned.add(new TestPlan.Group(next++, List.of(exercise), Optional.of(exercise.limits())));
            }
        }
        return new TestPlan(planned, children, build);
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
}
