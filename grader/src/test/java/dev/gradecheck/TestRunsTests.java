package dev.gradecheck;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.course.Exercise;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxSettings;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the exercises of a submission are split among test JVMs, and in which order they are checked. */
class TestRunsTests {

    private static final List<Exercise> RUNNABLE = RepoCourse.grader().course().exercises();

    @Test
    void oneGroupHoldsEveryExercise() {
        List<List<Exercise>> groups = TestRuns.groups(RUNNABLE, 1);
        assertEquals(1, groups.size());
        assertEquals(ids(RUNNABLE), ids(groups.get(0)).stream().sorted().toList());
    }

    @Test
    void twoGroupsShareTheExercisesAndBalanceTheirTests() {
        List<List<Exercise>> groups = TestRuns.groups(RUNNABLE, 2);
        assertEquals(2, groups.size());
        List<String> all = groups.stream().flatMap(group -> ids(group).stream()).sorted().toList();
        assertEquals(ids(RUNNABLE), all, "every exercise in exactly one group");
        int largest = RUNNABLE.stream().mapToInt(TestRunsTests::tests).max().orElseThrow();
        int difference = Math.abs(tests(groups.get(0)) - tests(groups.get(1)));
        assertTrue(difference <= largest, "groups differ by " + difference + " tests");
    }

    @Test
    void neverMoreGroupsThanExercises() {
        assertEquals(2, TestRuns.groups(RUNNABLE.subList(0, 2), 5).size());
        assertEquals(List.of(List.of(RUNNABLE.get(3))), TestRuns.groups(RUNNABLE.subList(3, 4), 2));
    }

    @Test
    void thePlanChecksTheLargerGroupFirstEachInCourseOrderAndFinishWaitsForEveryExercise(@TempDir Path scratch) {
        Grader grader = RepoCourse.grader();
        try (TestRuns runs = TestRuns.prepare(Sandbox.create(SandboxSettings.defaults()), scratch, 2,
                Optional.empty())) {
            List<Exercise> order = runs.plan(RUNNABLE, grader.course().build());
            List<List<Exercise>> groups = TestRuns.groups(RUNNABLE, 2);
            List<Exercise> larger = tests(groups.get(0)) >= tests(groups.get(1)) ? groups.get(0) : groups.get(1);
            List<Exercise> first = order.subList(0, larger.size());
            assertEquals(ids(larger), ids(first), "the group with more tests is checked first");
            assertEquals(RUNNABLE.stream().filter(first::contains).toList(), first, "in course order");
            assertEquals(ids(RUNNABLE), ids(order), "every exercise once");

            runs.checked(new ExerciseCheck(order.get(0), List.of(), scratch.resolve("none"), "not run for this test"));
            IllegalStateException early = assertThrows(IllegalStateException.class, runs::finish);
            assertEquals("not every planned exercise was checked", early.getMessage());
            assertThrows(IllegalStateException.class, () -> runs.plan(RUNNABLE, grader.course().build()));
        }
        assertNoProcessLeftBehind();
    }

    private static List<String> ids(List<Exercise> exercises) {
        return exercises.stream().map(Exercise::id).sorted().toList();
    }

    private static int tests(Exercise exercise) {
        return exercise.tests().size();
    }

    private static int tests(List<Exercise> group) {
        return group.stream().mapToInt(TestRunsTests::tests).sum();
    }
}
