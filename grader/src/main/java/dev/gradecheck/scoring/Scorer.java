package dev.gradecheck.scoring;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.HiddenTest;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Scores exercises. A test earns {@code points × credit} when it published a credit through
 * {@code gradecheck.credit} (the last one it published), otherwise all its points if it passed and none if not. A
 * test that errs or times out keeps the last credit it published before it ended (the toolkit publishes credit as
 * each check completes, so the checks done before a crash or a loop keep their share), and earns 0 if it published
 * none. A test is {@code passed} only at full points; an error or a timeout keeps its status whatever it earned. An exercise's score is the sum of its tests,
 * minus {@code deduct} findings (never below 0), or 0 with a {@code zero} finding; {@code warn} findings cost nothing.
 * Manual items are pending and not in the score; each carries the written answer the submission holds for it. Each test and exercise carries its manifest visibility into the
 * report. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Scorer {

    private Scorer() {
    }

    /** Scores one exercise. */
    public static ExerciseReport score(ExerciseOutcome outcome) {
        Exercise exercise = outcome.exercise();
        List<TestReport> tests = exercise.tests().stream().map(test -> scoreTest(test, outcome)).toList();
        Optional<Finding> zero = outcome.findings().stream().filter(f -> f.severity() == Severity.ZERO).findFirst();
        double deductions = outcome.findings().stream()
                .filter(f -> f.severity() == Severity.DEDUCT).mapToDouble(Finding::points).sum();
        double earned = tests.stream().mapToDouble(TestReport::score).sum();
        double score = zero.isPresent() ? 0 : Points.round(Math.max(0, earned - deductions));
        return new ExerciseReport(exercise.id(), exercise.title(), score, Points.round(exercise.maxScore()),
                Points.round(exercise.manualPoints()), status(outcome, zero), reason(outcome, zero), tests,
                outcome.findings(), manual(outcome), exercise.visibility());
    }

    /** Scores one test from its result (a missing result counts as not run). */
    static TestReport scoreTest(HiddenTest test, ExerciseOutcome outcome) {
        TestResult result = outcome.results().get(test.id());
        if (result == null) {
            String reason = outcome.testsRan() ? "the test did not report a result" : outcome.notRunReason();
            result = TestResult.notRun(test.id(), reason);
        }
        double score = Points.round(test.points() * credit(result));
        TestStatus status = status(result.status(), score, test.points());
        return new TestReport(test.id(), score, Points.round(test.points()), status, result.message(), result.output(),
                result.diagnoses(), result.duration(), test.visibility(), result.figures());
    }

    private static double credit(TestResult result) {
        if (result.status() == TestStatus.NOT_RUN) {
            return 0;
        }
        if (result.credit().isPresent()) {
            return result.credit().getAsDouble();
        }
        return result.status() == TestStatus.PASSED ? 1 : 0;
    }

    private static TestStatus status(TestStatus observed, double score, double points) {
        if (observed == TestStatus.PASSED && score < Points.round(points)) {
            return TestStatus.FAILED;
        }
        if (observed == TestStatus.FAILED && score >= Points.round(points)) {
            return TestStatus.PASSED;
        }
        return observed;
    }

    private static ExerciseStatus status(ExerciseOutcome outcome, Optional<Finding> zero) {
        if (!outcome.testsRan()) {
            return ExerciseStatus.NOT_RUN;
        }
        return zero.isPresent() ? ExerciseStatus.ZEROED : ExerciseStatus.GRADED;
    }

    private static String reason(ExerciseOutcome outcome, Optional<Finding> zero) {
        if (!outcome.testsRan()) {
            return outcome.notRunReason();
        }
        return zero.map(Findings::describe).orElse("");
    }

    private static List<ManualItemReport> manual(ExerciseOutcome outcome) {
        return outcome.exercise().manual().stream()
                .map(item -> new ManualItemReport(item.id(), item.title(), item.points(),
                        Optional.ofNullable(outcome.answers().get(item.id()))))
                .toList();
    }
}
