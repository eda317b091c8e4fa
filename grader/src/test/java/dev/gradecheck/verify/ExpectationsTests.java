package dev.gradecheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.course.Mutant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Each variant's expectations on hand-built gradings: what is ok, and how each shortfall is named. */
class ExpectationsTests {

    private static final Mutant FACTOR_2 = new Mutant("factor-2", "twice the gradient", Path.of("mutants/factor-2"));

    @Test
    void acceptsSolutionsWithFullMarksAndNoDiagnosis() {
        VerificationRow row = Expectations.solutions(exercise("calc", test("a", 2, 2, TestStatus.PASSED, ""),
                test("b", 3, 3, TestStatus.PASSED, "")));

        assertEquals(new VerificationRow("calc", "solutions", Variant.SOLUTIONS, OptionalDouble.of(5), 5, "", List.of(),
                List.of()), row);
    }

    @Test
    void namesTheTestsWhereTheSolutionsLosePointsOrAreDiagnosed() {
        VerificationRow row = Expectations.solutions(exercise("calc",
                test("a", 0, 2, TestStatus.FAILED, "expected 42\nbut was 41"),
                test("b", 3, 3, TestStatus.PASSED, "", "factor-2")));

        assertEquals(List.of("loses points on `CalcHiddenTests.a` (failed: expected 42)",
                "correct code diagnosed as wrong by `CalcHiddenTests.b` (factor-2)"), row.problems());
        assertEquals(List.of("factor-2"), row.foundCodes());
    }

    @Test
    void namesTheFindingThatCostsTheSolutionsPoints() {
        Finding deduction = new Finding("forbidden-calls", Severity.DEDUCT, 2, new Location("backprop/calc/Calc.java", 4, 9),
                "add calls loss", "use the cache");
        ExerciseReport deducted = new ExerciseReport("calc", "Calc", 1, 3, 0, ExerciseStatus.GRADED, "",
                List.of(test("a", 3, 3, TestStatus.PASSED, "")), List.of(deduction), List.of());

        assertEquals("FAIL: scores 1 of 3 although every test passed: forbidden-calls at "
                + new Location("backprop/calc/Calc.java", 4, 9) + ": add calls loss", Expectations.solutions(deducted).verdict());
    }

    @Test
    void acceptsATemplateWhoseTestsFailOnAssertionsOrOnTheStubsTodo() {
        VerificationRow row = Expectations.template(exercise("calc",
                test("a", 0, 2, TestStatus.FAILED, "expected 42 but was 0"),
                test("b", 0, 3, TestStatus.ERROR, "java.lang.UnsupportedOperationException: TODO: implement Calc.add")));

        assertEquals("ok", row.verdict());
    }

    @Test
    void rejectsATemplateThatEarnsPointsTimesOutCrashesOrDoesNotRun() {
        VerificationRow row = Expectations.template(exercise("calc",
                test("a", 1, 1, TestStatus.PASSED, ""),
                test("b", 0, 1, TestStatus.TIMEOUT, "`CalcHiddenTests.b` did not finish within 5 s"),
                test("c", 0, 1, TestStatus.ERROR, "the JVM running your code exited during `CalcHiddenTests.c`"),
                test("d", 0, 1, TestStatus.NOT_RUN, "not run")));

        assertEquals(List.of("earns points on `CalcHiddenTests.a` (passed)",
                "times out on `CalcHiddenTests.b` (timeout: `CalcHiddenTests.b` did not finish within 5 s)",
                "crashes (an error that is not a stub's TODO) on `CalcHiddenTests.c` (error: the JVM running your code "
                        + "exited during `CalcHiddenTests.c`)",
                "does not run `CalcHiddenTests.d` (not_run: not run)"), row.problems());
    }

    @Test
    void rejectsATemplateThatDoesNotCompile() {
        ExerciseReport notRun = new ExerciseReport("calc", "Calc", 0, 1, 0, ExerciseStatus.NOT_RUN,
                "it does not compile: Calc.java:3:1: ';' expected", List.of(test("a", 0, 1, TestStatus.NOT_RUN, "")),
                List.of(), List.of());

        assertEquals("FAIL: not run: it does not compile: Calc.java:3:1: ';' expected",
                Expectations.template(notRun).verdict());
    }

    @Test
    void acceptsAKnownBugCaughtWithItsCodeOnItsExerciseOnly() {
        GradeReport graded = report(exercise("calc", test("a", 1, 2, TestStatus.FAILED, "x", "factor-2", "wrong-scale")),
                exercise("other", test("o", 3, 3, TestStatus.PASSED, "")));

        VerificationRow row = Expectations.knownBug("calc", FACTOR_2, graded, baseline());

        assertEquals(new VerificationRow("calc", "factor-2", Variant.KNOWN_BUG, OptionalDouble.of(1), 2, "factor-2",
                List.of("factor-2", "wrong-scale"), List.of()), row);
    }

    @Test
    void namesAKnownBugThatLosesNothingOrLosesElsewhereOrLacksItsCode() {
        GradeReport graded = report(exercise("calc", test("a", 2, 2, TestStatus.PASSED, "")),
                exercise("other", test("o", 1, 3, TestStatus.FAILED, "x", "sign-flipped")));

        VerificationRow row = Expectations.knownBug("calc", FACTOR_2, graded, baseline());

        assertEquals(List.of("loses no points — no hidden test catches it", "also loses points on other (1 of 3)",
                "its code factor-2 is not among the diagnoses (no test diagnosed anything)"), row.problems());
    }

    @Test
    void doesNotCountAZeroingStructureRuleAsCatchingAKnownBug() {
        ExerciseReport zeroed = new ExerciseReport("calc", "Calc", 0, 2, 0, ExerciseStatus.ZEROED,
                "Calc.java:1:1: class Calc has no method `add(int, int)`",
                List.of(test("a", 2, 2, TestStatus.PASSED, "")), List.of(), List.of());
        GradeReport graded = report(zeroed, exercise("other", test("o", 3, 3, TestStatus.PASSED, "")));

        VerificationRow row = Expectations.knownBug("calc", FACTOR_2, graded, baseline());

        assertEquals(List.of("zeroed: Calc.java:1:1: class Calc has no method `add(int, int)` — its hidden tests, not a "
                + "structure rule, must catch it", "loses no points — no hidden test catches it",
                "its code factor-2 is not among the diagnoses (no test diagnosed anything)"), row.problems());
    }

    private static GradeReport baseline() {
        return report(exercise("calc", test("a", 2, 2, TestStatus.PASSED, "")),
                exercise("other", test("o", 3, 3, TestStatus.PASSED, "")));
    }

    private static TestReport test(String method, double score, double max, TestStatus status, String message,
                                   String... codes) {
        List<Diagnosis> diagnoses = Arrays.stream(codes).map(code -> new Diagnosis(code, code + " text", Map.of())).toList();
        return new TestReport(new TestId("demo.calc.CalcHiddenTests", method), score, max, status, message,
                CapturedOutput.NONE, diagnoses, Duration.ZERO);
    }

    private static ExerciseReport exercise(String id, TestReport... tests) {
        double score = Arrays.stream(tests).mapToDouble(TestReport::score).sum();
        double max = Arrays.stream(tests).mapToDouble(TestReport::maxScore).sum();
        return new ExerciseReport(id, id, score, max, 0, ExerciseStatus.GRADED, "", List.of(tests), List.of(), List.of());
    }

    private static GradeReport report(ExerciseReport... exercises) {
        Provenance provenance = new Provenance("s", Optional.empty(), List.of(), "test", "0".repeat(64),
                new Isolation(true, false, "grader", false, List.of()), Instant.EPOCH, Duration.ZERO);
        return new GradeReport(0, 0, 0, List.of(exercises), List.of(), provenance);
    }
}
