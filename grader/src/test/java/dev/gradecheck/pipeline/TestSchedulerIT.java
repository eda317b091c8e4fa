package dev.gradecheck.pipeline;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the exercises of a submission are split among test JVMs, and in which order they are checked. */
class TestSchedulerIT {

    private static final Course COURSE = load();
    private static final List<Exercise> RUNNABLE = COURSE.exercises();

    @Test
    void oneGroupHoldsEveryExercise() {
        List<List<Exercise>> groups = TestScheduler.groups(RUNNABLE, 1);
        assertEquals(1, groups.size());
        assertEquals(ids(RUNNABLE), ids(groups.get(0)).stream().sorted().toList());
    }

    @Test
    void twoGroupsShareTheExercisesAndBalanceTheirTests() {
        List<List<Exercise>> groups = TestScheduler.groups(RUNNABLE, 2);
        assertEquals(2, groups.size());
        List<String> all = groups.stream().flatMap(group -> ids(group).stream()).sorted().toList();
        assertEquals(ids(RUNNABLE), all, "every exercise in exactly one group");
        int largest = RUNNABLE.stream().mapToInt(TestSchedulerIT::tests).max().orElseThrow();
        int difference = Math.abs(tests(groups.get(0)) - tests(groups.get(1)));
        assertTrue(difference <= largest, "groups differ by " + difference + " tests");
    }

    @Test
    void neverMoreGroupsThanExercises() {
        assertEquals(2, TestScheduler.groups(RUNNABLE.subList(0, 2), 5).size());
        assertEquals(List.of(List.of(RUNNABLE.get(3))), TestScheduler.groups(RUNNABLE.subList(3, 4), 2));
    }

    @Test
    void thePlanChecksTheLargerGroupFirstEachInCourseOrderAndFinishWaitsForEveryExercise(@TempDir Path scratch) {
        try (ChildJvms children = ChildJvms.prepare(Sandbox.create(SandboxSettings.defaults()), scratch, 2,
                Optional.empty())) {
            TestPlan plan = TestScheduler.plan(RUNNABLE, children, COURSE.build());
            List<Exercise> order = plan.checkOrder();
            List<List<Exercise>> groups = TestScheduler.groups(RUNNABLE, 2);
            List<Exercise> larger = tests(groups.get(0)) >= tests(groups.get(1)) ? groups.get(0) : groups.get(1);
            List<Exercise> first = order.subList(0, larger.size());
            assertEquals(ids(larger), ids(first), "the group with more tests is checked first");
            assertEquals(RUNNABLE.stream().filter(first::contains).toList(), first, "in course order");
            assertEquals(ids(RUNNABLE), ids(order), "every exercise once");

            TestPlan.Group firstGroup = plan.groups().get(0);
            plan.start(firstGroup, firstGroup.exercises().stream()
                    .map(exercise -> new ExerciseCheck(exercise, List.of(), new TestVerdict.NotRun("not run for this test")))
                    .toList());
            IllegalStateException early = assertThrows(IllegalStateException.class, plan::finish);
            assertEquals("not every planned exercise was checked", early.getMessage());
            assertThrows(IllegalStateException.class, () -> TestScheduler.plan(RUNNABLE, children, COURSE.build()));
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void aGroupStartsOnlyWithTheChecksOfItsOwnExercises(@TempDir Path scratch) {
        try (ChildJvms children = ChildJvms.prepare(Sandbox.create(SandboxSettings.defaults()), scratch, 2,
                Optional.empty())) {
            TestPlan plan = TestScheduler.plan(RUNNABLE, children, COURSE.build());
            TestPlan.Group second = plan.groups().get(1);
            List<ExerciseCheck> ofTheFirst = plan.groups().get(0).exercises().stream()
                    .map(exercise -> new ExerciseCheck(exercise, List.of(), new TestVerdict.NotRun("not run")))
                    .toList();
            assertThrows(IllegalArgumentException.class, () -> plan.start(second, ofTheFirst));
        }
        assertNoProcessLeftBehind();
    }

    /** The repository's course, as the shared grader loaded it (the build is cached). */
    private static Course load() {
        try {
            return Course.load(RepoCourse.root());
        } catch (CourseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(List<Exercise> exercises) {
        return exercises.stream().map(Exercise::id).sorted().toList();
    }

    private static int tests(Exercise exercise) {
        return exercise.tests().size();
    }

    private static int tests(List<Exercise> group) {
        return group.stream().mapToInt(TestSchedulerIT::tests).sum();
    }
}
