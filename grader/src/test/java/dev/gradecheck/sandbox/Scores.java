package dev.gradecheck.sandbox;

import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.HiddenTest;
import dev.gradecheck.scoring.ExerciseOutcome;
import dev.gradecheck.scoring.Scorer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Scores one result of a real child the way the grader does, as the only test of a one-test exercise. */
final class Scores {

    private Scores() {
    }

    /** The scored test, worth {@code points}. */
    static TestReport of(TestResult result, double points) {
        Exercise exercise = new Exercise("fixture", "Fixture", Path.of("exercises/fixture"), List.of(),
                List.of(new HiddenTest(result.id(), points, Duration.ofSeconds(10))), List.of(), List.of(), List.of(),
                OptionalInt.empty(), List.of());
        return Scorer.score(ExerciseOutcome.ran(exercise, List.of(), Map.of(result.id(), result))).tests().get(0);
    }
}
