package dev.gradecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.course.Exercise;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the runnable exercises of a submission are split among test JVMs. */
class TestRunsTests {

    private static final List<ExerciseCheck> RUNNABLE = RepoCourse.grader().course().exercises().stream()
            .map(exercise -> new ExerciseCheck(exercise, List.of(), Path.of("classes", exercise.id()), ""))
            .toList();

    @Test
    void oneGroupHoldsEveryExercise() {
        List<List<ExerciseCheck>> groups = TestRuns.groups(RUNNABLE, 1);
        assertEquals(1, groups.size());
        assertEquals(ids(RUNNABLE), ids(groups.get(0)).stream().sorted().toList());
    }

    @Test
    void twoGroupsShareTheExercisesAndBalanceTheirTests() {
        List<List<ExerciseCheck>> groups = TestRuns.groups(RUNNABLE, 2);
        assertEquals(2, groups.size());
        List<String> all = groups.stream().flatMap(group -> ids(group).stream()).sorted().toList();
        assertEquals(ids(RUNNABLE), all, "every exercise in exactly one group");
        int largest = RUNNABLE.stream().mapToInt(check -> tests(check.exercise())).max().orElseThrow();
        int difference = Math.abs(tests(groups.get(0)) - tests(groups.get(1)));
        assertTrue(difference <= largest, "groups differ by " + difference + " tests");
    }

    @Test
    void neverMoreGroupsThanExercises() {
        assertEquals(2, TestRuns.groups(RUNNABLE.subList(0, 2), 5).size());
        assertEquals(List.of(List.of(RUNNABLE.get(3))), TestRuns.groups(RUNNABLE.subList(3, 4), 2));
    }

    private static List<String> ids(List<ExerciseCheck> checks) {
        return checks.stream().map(check -> check.exercise().id()).sorted().toList();
    }

    private static int tests(Exercise exercise) {
        return exercise.tests().size();
    }

    private static int tests(List<ExerciseCheck> group) {
        return group.stream().mapToInt(check -> tests(check.exercise())).sum();
    }
}
