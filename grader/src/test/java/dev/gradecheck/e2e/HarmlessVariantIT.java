package dev.gradecheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's tolerances let harmless numerical choices pass: the fixture {@code harmless-numerical-choices} is the
 * solutions with the textbook {@code + 1e-7} inside every log of a loss (instead of a guard or a log-softmax) and
 * sums taken in another order.
 */
class HarmlessVariantIT {

    @Test
    void anEpsilonInsideTheLogAndAnotherSummationOrderScoreFullMarksWithoutDiagnoses(@TempDir Path folder) {
        Path submission = RepoCourse.solutionsWithFixture("harmless-numerical-choices", folder.resolve("alice"));

        GradeReport report = RepoCourse.grade(submission);

        assertEquals(RepoCourse.fullMarks(), RepoCourse.scores(report));
        for (ExerciseReport exercise : report.exercises()) {
            for (TestReport test : exercise.tests()) {
                assertTrue(test.diagnoses().isEmpty(), test.id() + " diagnosed a harmless choice: " + test.diagnoses());
            }
        }
    }
}
