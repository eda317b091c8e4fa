package dev.gradecheck.verify;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gradecheck.GraderConfig;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.Exercise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The course's self-test: {@code bin/grader verify} over the whole real course, run once (real child JVMs, two
 * gradings side by side, each lane with a child on standby: the rows are the same with one lane), one
 * dynamic test per row so a failure names the exercise and the variant — the solutions score full marks without a
 * diagnosis, the template scores 0 failing cleanly, every known-bug variant is caught on its exercise only, with its
 * code.
 */
class CourseVerificationIT {

    /** Gradings side by side: one per processor of the 2-core machine the suite is timed on. */
    private static final int LANES = 2;

    private static Course course;
    private static VerificationReport report;

    @BeforeAll
    static void verifyTheWholeCourse() throws Exception {
        course = Course.load(RealCourse.root());
        try (SuiteVerifier verifier = SuiteVerifier.create(GraderConfig.forCourse(RealCourse.root()), LANES)) {
            report = verifier.verify(List.of());
        }
        System.out.print(VerificationTable.render(report));
    }

    @TestFactory
    Stream<DynamicTest> everyVariantScoresAsItMust() {
        return report.rows().stream().map(row -> dynamicTest(row.name(), () -> assertTrue(row.ok(),
                () -> row.name() + ": " + row.verdict() + " (diagnoses found: "
                        + (row.foundCodes().isEmpty() ? "none" : String.join(", ", row.foundCodes())) + ")")));
    }

    @Test
    void verifiesEveryExerciseWithItsSolutionsTemplateAndEveryKnownBug() {
        List<String> expected = new ArrayList<>();
        for (Exercise exercise : course.exercises()) {
            expected.add(exercise.id() + "/solutions");
            expected.add(exercise.id() + "/template");
            exercise.mutants().forEach(mutant -> expected.add(exercise.id() + "/" + mutant.code()));
        }
        assertEquals(expected, report.rows().stream().map(VerificationRow::name).toList());
    }

    @Test
    void leavesNoChildJvmBehindOnceClosed() {
        assertNoProcessLeftBehind();
    }

    @Test
    void gradesEachDistinctSubmissionOnce() {
        int knownBugs = course.exercises().stream().mapToInt(exercise -> exercise.mutants().size()).sum();
        assertEquals(2 + knownBugs, report.gradings(), "solutions and template once each, plus one per known-bug variant");
    }
}
