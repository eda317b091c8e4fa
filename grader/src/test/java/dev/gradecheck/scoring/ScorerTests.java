package dev.gradecheck.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.HiddenTest;
import dev.gradecheck.course.ManualItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ScorerTests {

    private static final TestId FIRST = TestId.parse("p.HiddenTests#first");
    private static final TestId SECOND = TestId.parse("p.HiddenTests#second");
    private static final Exercise EXERCISE = new Exercise("ex", "Exercise", Path.of("exercises/ex"), List.of("p/A.java"),
            List.of(new HiddenTest(FIRST, 2, Duration.ofSeconds(1)), new HiddenTest(SECOND, 3, Duration.ofSeconds(1))),
            List.of(new ManualItem("answer", "Written answer", 5)), List.of(), List.of(), OptionalInt.empty(), List.of());

    @Test
    void givesFullPointsToPassedTestsAndNoneToFailedOnes() {
        ExerciseReport report = Scorer.score(ran(Map.of(FIRST, result(FIRST, TestStatus.PASSED, null),
                SECOND, result(SECOND, TestStatus.FAILED, null)), List.of()));
        assertEquals(2, report.score());
        assertEquals(10, report.maxScore());
        assertEquals(5, report.pendingManualPoints());
        assertEquals(ExerciseStatus.GRADED, report.status());
        assertEquals(List.of(TestStatus.PASSED, TestStatus.FAILED), report.tests().stream().map(t -> t.status()).toList());
    }

    @Test
    void appliesPublishedCreditAndPassesOnlyAtFullPoints() {
        ExerciseReport report = Scorer.score(ran(Map.of(FIRST, result(FIRST, TestStatus.PASSED, 0.5),
                SECOND, result(SECOND, TestStatus.FAILED, 1.0 / 3)), List.of()));
        assertEquals(1, report.tests().get(0).score());
        assertEquals(TestStatus.FAILED, report.tests().get(0).status());
        assertEquals(1, report.tests().get(1).score());
        assertEquals(2, report.score());
    }

    @Test
    void keepsTheLastCreditATimeoutOrAnErrorPublishedAndItsStatus() {
        ExerciseReport report = Scorer.score(ran(Map.of(FIRST, result(FIRST, TestStatus.TIMEOUT, 0.5),
                SECOND, result(SECOND, TestStatus.ERROR, 2.0 / 3)), List.of()));
        assertEquals(List.of(1.0, 2.0), report.tests().stream().map(t -> t.score()).toList());
        assertEquals(3, report.score());
        assertEquals(List.of(TestStatus.TIMEOUT, TestStatus.ERROR), report.tests().stream().map(t -> t.status()).toList());
    }

    @Test
    void givesNothingToTimeoutsAndErrorsThatPublishedNoCredit() {
        ExerciseReport report = Scorer.score(ran(Map.of(FIRST, result(FIRST, TestStatus.TIMEOUT, null),
                SECOND, result(SECOND, TestStatus.ERROR, null)), List.of()));
        assertEquals(0, report.score());
        assertEquals(List.of(TestStatus.TIMEOUT, TestStatus.ERROR), report.tests().stream().map(t -> t.status()).toList());
    }

    @Test
    void deductsPointsButNeverBelowZero() {
        Map<TestId, TestResult> allPassed = Map.of(FIRST, result(FIRST, TestStatus.PASSED, null),
                SECOND, result(SECOND, TestStatus.PASSED, null));
        assertEquals(3, Scorer.score(ran(allPassed, List.of(finding(Severity.DEDUCT, 2)))).score());
        assertEquals(0, Scorer.score(ran(allPassed, List.of(finding(Severity.DEDUCT, 4), finding(Severity.DEDUCT, 4)))).score());
        assertEquals(5, Scorer.score(ran(allPassed, List.of(finding(Severity.WARN, 0)))).score());
    }

    @Test
    void zeroesTheExerciseOnAZeroFinding() {
        Map<TestId, TestResult> allPassed = Map.of(FIRST, result(FIRST, TestStatus.PASSED, null),
                SECOND, result(SECOND, TestStatus.PASSED, null));
        ExerciseReport report = Scorer.score(ran(allPassed, List.of(finding(Severity.ZERO, 0))));
        assertEquals(0, report.score());
        assertEquals(ExerciseStatus.ZEROED, report.status());
        assertEquals("A.java:3:5: bad", report.reason());
    }

    @Test
    void marksEveryTestNotRunWithTheReasonWhenTheExerciseCouldNotRun() {
        ExerciseReport report = Scorer.score(ExerciseOutcome.notRun(EXERCISE, List.of(), "it does not compile"));
        assertEquals(ExerciseStatus.NOT_RUN, report.status());
        assertEquals(0, report.score());
        report.tests().forEach(test -> {
            assertEquals(TestStatus.NOT_RUN, test.status());
            assertEquals("it does not compile", test.message());
        });
    }

    @Test
    void roundsToTwoDecimalsHalfUp() {
        assertEquals(0.67, Points.round(2.0 / 3));
        assertEquals(1.01, Points.round(1.005));
        assertEquals(33.33, Points.round(100.0 / 3));
    }

    private static ExerciseOutcome ran(Map<TestId, TestResult> results, List<Finding> findings) {
        return ExerciseOutcome.ran(EXERCISE, findings, new HashMap<>(results));
    }

    private static TestResult result(TestId id, TestStatus status, Double credit) {
        return new TestResult(id, status, status == TestStatus.PASSED ? "" : "went wrong", CapturedOutput.NONE,
                credit == null ? OptionalDouble.empty() : OptionalDouble.of(credit), List.of(), Duration.ofMillis(3));
    }

    private static Finding finding(Severity severity, double points) {
        return new Finding("rule", severity, points, new Location("A.java", 3, 5), "bad", "");
    }
}
