package dev.gradecheck.e2e;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static dev.gradecheck.testing.ReportChecks.assertValidReports;
import static dev.gradecheck.testing.ReportChecks.withoutTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import dev.gradecheck.testing.RepoCourse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile set: each fixture under {@code src/test/resources/submissions/<case>/} is laid over the solutions, so
 * the rest of the submission is correct. Every case must leave the other exercises at full marks, give a valid report
 * in bounded time and leave no process behind. Each case's submission is written to {@code submissions/<case>} of one
 * folder for the class, so the heap squat's determinism check, run last, can reuse that case's grading as its first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSubmissionIT {

    private static final String EXERCISE = "chain-rule";
    private static final Duration TIME_BOUND = Duration.ofSeconds(90);

    /** What the case must do to chain-rule. */
    enum Expectation {
        /** The bytecode check stops the exercise: not run, 0, with the reason and location. */
        BLOCKED,
        /** sinSquareGradient's test times out; every other test passes. */
        TIMES_OUT,
        /** sinSquareGradient's test ends in an error; every other test passes. */
        ERRORS,
        /** sinSquareGradient's test fails; every other test passes. */
        FAILS,
        /** Whatever the submission adds is ignored: full marks. */
        FULL_MARKS,
        /** Full marks, and the flooded output is capped with the dropped amount reported. */
        FULL_MARKS_WITH_CAPPED_OUTPUT,
        /** Every test passes, but the exercise kept most of the heap for the exercises after it: 0, and why. */
        SQUATS
    }

    static Stream<Arguments> hostileCases() {
        return Stream.of(
                Arguments.of("system-exit-in-method", Expectation.BLOCKED),
                Arguments.of("system-exit-in-static-initializer", Expectation.BLOCKED),
                Arguments.of("runtime-halt", Expectation.BLOCKED),
                Arguments.of("infinite-loop", Expectation.TIMES_OUT),
                Arguments.of("heap-exhaustion", Expectation.ERRORS),
                Arguments.of("heap-squat", Expectation.SQUATS),
                Arguments.of("deep-recursion", Expectation.ERRORS),
                Arguments.of("stdout-flood", Expectation.FULL_MARKS_WITH_CAPPED_OUTPUT),
                Arguments.of("fake-output", Expectation.FAILS),
                Arguments.of("writes-report-files", Expectation.BLOCKED),
                Arguments.of("service-loader-engine", Expectation.FULL_MARKS),
                Arguments.of("junit-package-class", Expectation.FULL_MARKS),
                Arguments.of("reflection-computed-name", Expectation.BLOCKED),
                Arguments.of("beans-expression-forging", Expectation.BLOCKED),
                Arguments.of("xslt-extension-function", Expectation.BLOCKED),
                Arguments.of("submission-publisher-pool", Expectation.BLOCKED));
    }

    /** The submissions of {@link #leavesTheRestAtFullMarksWithAValidReportInBoundedTime}, one sub-folder per case. */
    @TempDir
    static Path submissions;

    /** The heap squat's grading by {@link #leavesTheRestAtFullMarksWithAValidReportInBoundedTime}, once it ran. */
    private static GradeReport squatGraded;

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileCases")
    void leavesTheRestAtFullMarksWithAValidReportInBoundedTime(String name, Expectation expectation) {
        Path submission = RepoCourse.solutionsWithFixture(name, submissions.resolve(name));
        Instant start = Instant.now();
        GradeReport report = RepoCourse.grade(submission);
        Duration took = Duration.between(start, Instant.now());
        if (expectation == Expectation.SQUATS) {
            squatGraded = report;
        }

        assertTrue(took.compareTo(TIME_BOUND) < 0, name + " took " + took);
        assertOthersAtFullMarks(report);
        check(expectation, exercise(report));
        assertValidReports(report);
        assertStudentOutputNeverBecomesAReport(report);
        assertFalse(report.integrity().flagged(), "code that cannot reach the channel must not flag the grading: "
                + report.integrity());
        assertNoProcessLeftBehind();
    }

    /** The cases whose code runs: in a grader with children on standby they meet a child that has rehearsed. */
    static Stream<Arguments> runningCases() {
        return hostileCases().filter(arguments -> arguments.get()[1] != Expectation.BLOCKED);
    }

    private static Grader standbyGrader;

    @AfterAll
    static void closeTheStandbyGrader() {
        if (standbyGrader != null) {
            standbyGrader.close();
            assertNoProcessLeftBehind();
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("runningCases")
    void meetsAChildThatRehearsedAndStillOnlyLosesItsOwnTest(String name, Expectation expectation, @TempDir Path folder)
            throws Exception {
        if (standbyGrader == null) {
            standbyGrader = Grader.create(GraderConfig.forCourse(RepoCourse.root()).withClock(RepoCourse.CLOCK)
                    .withStandby(true));
        }
        Path submission = RepoCourse.solutionsWithFixture(name, folder.resolve(name));
        standbyGrader.awaitStandby(Duration.ofSeconds(30));   // as between submissions to a grading server
        GradeReport report = standbyGrader.grade(GradeRequest.of(submission.toString()));

        assertOthersAtFullMarks(report);
        check(expectation, exercise(report));
        assertValidReports(report);
        assertStudentOutputNeverBecomesAReport(report);
    }

    private static void check(Expectation expectation, ExerciseReport chainRule) {
        double full = RepoCourse.fullMarks().get(EXERCISE);
        switch (expectation) {
            case BLOCKED -> assertBlocked(chainRule);
            case TIMES_OUT -> assertOnlySinSquareLost(chainRule, TestStatus.TIMEOUT);
            case ERRORS -> assertOnlySinSquareLost(chainRule, TestStatus.ERROR);
            case FAILS -> assertOnlySinSquareLost(chainRule, TestStatus.FAILED);
            case FULL_MARKS -> assertEquals(full, chainRule.score());
            case SQUATS -> assertChargedForTheSquat(chainRule);
            case FULL_MARKS_WITH_CAPPED_OUTPUT -> {
                assertEquals(full, chainRule.score());
                TestReport flooded = sinSquareTest(chainRule);
                assertTrue(flooded.output().droppedChars() > 0, "the flood must be capped and the drop counted");
                assertTrue(flooded.output().text().length() < 1_000_000, "kept output must be capped");
            }
        }
    }

    private static void assertBlocked(ExerciseReport chainRule) {
        assertEquals(0, chainRule.score());
        assertEquals(ExerciseStatus.NOT_RUN, chainRule.status());
        assertFalse(chainRule.reason().isBlank());
        Finding finding = chainRule.findings().stream().filter(f -> f.severity() == Severity.ZERO).findFirst()
                .orElseThrow(() -> new AssertionError("a zero-severity finding must explain why"));
        assertTrue(finding.location().file().endsWith("ChainRule.java"), finding.location().toString());
        assertTrue(finding.location().line() > 0, "the finding must point at a line: " + finding);
        chainRule.tests().forEach(test -> {
            assertEquals(TestStatus.NOT_RUN, test.status());
            assertFalse(test.message().isBlank(), "a test not run says why");
        });
    }

    private static void assertChargedForTheSquat(ExerciseReport chainRule) {
        chainRule.tests().forEach(test -> assertEquals(TestStatus.PASSED, test.status(), test.id() + ": "
                + test.message()));
        assertEquals(0, chainRule.score());
        assertEquals(ExerciseStatus.ZEROED, chainRule.status());
        Finding squat = chainRule.findings().stream().filter(f -> f.rule().equals("resource-squat")).findFirst()
                .orElseThrow(() -> new AssertionError("no resource-squat finding in " + chainRule.findings()));
        assertEquals(Severity.ZERO, squat.severity());
        assertTrue(squat.message().contains("more than 85 MB of heap memory"), squat.message());
        assertTrue(squat.hint().contains("static fields"), squat.hint());
    }

    /** Two gradings of one heap-squat submission by the shared grader: the hostile case's, when it ran, and one more. */
    @Order(3)
    @Test
    void aHeapSquatIsChargedTheSameWayEveryTime() {
        Path submission = submissions.resolve("heap-squat");
        GradeReport first = squatGraded;
        if (first == null) {
            RepoCourse.solutionsWithFixture("heap-squat", submission);
            first = RepoCourse.grade(submission);
        }
        GradeReport second = RepoCourse.grade(submission);
        assertEquals(withoutTimes(new JsonReportWriter().render(first)),
                withoutTimes(new JsonReportWriter().render(second)));
        assertEquals(withoutTimes(new GradescopeResultsWriter().render(first)),
                withoutTimes(new GradescopeResultsWriter().render(second)));
    }

    private static void assertOnlySinSquareLost(ExerciseReport chainRule, TestStatus status) {
        for (TestReport test : chainRule.tests()) {
            if (test.id().methodName().startsWith("sinSquareGradient")) {
                assertEquals(status, test.status(), test.id() + ": " + test.message());
                assertEquals(0, test.score());
                assertFalse(test.message().isBlank(), "the student must read what happened");
            } else {
                assertEquals(TestStatus.PASSED, test.status(), test.id() + ": " + test.message());
            }
        }
    }

    private static void assertOthersAtFullMarks(GradeReport report) {
        Map<String, Double> expected = RepoCourse.fullMarks();
        Map<String, Double> scores = RepoCourse.scores(report);
        expected.remove(EXERCISE);
        scores.remove(EXERCISE);
        assertEquals(expected, scores);
    }

    private static void assertStudentOutputNeverBecomesAReport(GradeReport report) {
        String json = new JsonReportWriter().render(report);
        String results = new GradescopeResultsWriter().render(report);
        assertTrue(json.startsWith("{\n  \"format_version\": 1,"), "report.json comes from the grader alone");
        assertTrue(results.startsWith("{\n  \"score\": "), "results.json comes from the grader alone");
    }

    private static ExerciseReport exercise(GradeReport report) {
        return report.exercises().stream().filter(e -> e.id().equals(EXERCISE)).findFirst().orElseThrow();
    }

    private static TestReport sinSquareTest(ExerciseReport chainRule) {
        return chainRule.tests().stream().filter(t -> t.id().methodName().startsWith("sinSquareGradient")).findFirst()
                .orElseThrow();
    }
}
