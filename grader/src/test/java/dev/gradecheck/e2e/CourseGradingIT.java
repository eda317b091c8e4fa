package dev.gradecheck.e2e;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static dev.gradecheck.testing.ReportChecks.assertValidReports;
import static dev.gradecheck.testing.ReportChecks.withoutTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CourseGradingIT {

    /** A line {@code - `chain-rule`: 0 / 10} of an example's README: that exercise's expected score and maximum. */
    private static final Pattern EXPECTED_SCORE = Pattern.compile("(?m)^- `([a-z0-9-]+)`: ([0-9.]+) / ([0-9.]+)$");

    @Test
    void solutionsScoreFullMarks() {
        GradeReport report = RepoCourse.grade(RepoCourse.root().resolve("solutions/src/main/java"));
        assertEquals(RepoCourse.fullMarks(), RepoCourse.scores(report));
        for (ExerciseReport exercise : report.exercises()) {
            assertEquals(ExerciseStatus.GRADED, exercise.status(), exercise.id());
            exercise.tests().forEach(test -> assertEquals(TestStatus.PASSED, test.status(), test.id() + ": " + test.message()));
        }
        assertEquals(report.maxScore() - report.pendingManualPoints(), report.score());
        assertValidReports(report);
        assertNoProcessLeftBehind();
    }

    @Test
    void untouchedTemplateScoresZeroWithEveryTestFailingCleanlyAndFast() {
        Instant start = Instant.now();
        GradeReport report = RepoCourse.grade(RepoCourse.root().resolve("student-template"));
        Duration took = Duration.between(start, Instant.now());
        assertEquals(0, report.score());
        for (ExerciseReport exercise : report.exercises()) {
            for (TestReport test : exercise.tests()) {
                assertTrue(test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR,
                        test.id() + " must fail cleanly, was " + test.status() + ": " + test.message());
                assertTrue(!test.message().isBlank(), test.id() + " must say why it failed");
            }
        }
        long todoMessages = report.exercises().stream().flatMap(e -> e.tests().stream())
                .filter(test -> test.message().contains("TODO")).count();
        assertTrue(todoMessages > 0, "the stubs' TODO messages reach the report");
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "grading the template took " + took);
        assertValidReports(report);
        assertNoProcessLeftBehind();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachExampleGetsTheScoreItsReadmeStates(Path example) throws IOException {
        Matcher expected = EXPECTED_SCORE.matcher(Files.readString(example.resolve("README.md")));
        Map<String, double[]> listed = new java.util.LinkedHashMap<>();
        while (expected.find()) {
            listed.put(expected.group(1), new double[] {Double.parseDouble(expected.group(2)),
                    Double.parseDouble(expected.group(3))});
        }
        assertTrue(!listed.isEmpty(), example + "/README.md must state each exercise's score: \"- `id`: X / Y\"");
        GradeReport report = RepoCourse.grade(example);
        Map<String, Double> scores = RepoCourse.scores(report);
        assertTrue(scores.keySet().containsAll(listed.keySet()), example + "/README.md names an exercise the course "
                + "does not have: " + listed.keySet());
        for (ExerciseReport exercise : report.exercises()) {
            double[] scoreAndMax = listed.get(exercise.id());
            if (scoreAndMax == null) {
                assertEquals(0, exercise.score(), exercise.id() + " is not listed in " + example + "/README.md: it scores 0");
            } else {
                assertEquals(scoreAndMax[0], exercise.score(), "score of " + exercise.id() + " in " + example.getFileName());
                assertEquals(scoreAndMax[1], exercise.maxScore(), "max score of " + exercise.id() + " in " + example.getFileName());
            }
        }
        assertValidReports(report);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> folders = Files.list(RepoCourse.root().resolve("examples"))) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void compileErrorInOneExerciseLeavesTheOthersAtFullMarks() {
        GradeReport report = RepoCourse.grade(RepoCourse.root().resolve("examples/compile-error"));
        Map<String, Double> expected = RepoCourse.fullMarks();
        expected.put("chain-rule", 0.0);
        assertEquals(expected, RepoCourse.scores(report));
        ExerciseReport chainRule = report.exercises().stream().filter(e -> e.id().equals("chain-rule")).findFirst().orElseThrow();
        assertEquals(ExerciseStatus.NOT_RUN, chainRule.status());
        Finding compile = chainRule.findings().stream().filter(f -> f.rule().equals("compile")).findFirst().orElseThrow();
        assertEquals("ChainRule.java", compile.location().file());
        assertTrue(compile.location().line() > 0 && compile.location().column() > 0, compile.location().toString());
        chainRule.tests().forEach(test -> assertEquals(TestStatus.NOT_RUN, test.status()));
        assertValidReports(report);
    }

    @Test
    void gradesOneExerciseOfAGitRepositoryAtARefAndRecordsTheCommitAndFiles(@TempDir Path folder) throws Exception {
        Path repository = folder.resolve("alice");
        RepoCourse.copyTree(RepoCourse.root().resolve("examples/partial"), repository, false);
        git(repository, "init", "-q");
        git(repository, "add", ".");
        git(repository, "-c", "user.name=Alice", "-c", "user.email=alice@example.org", "commit", "-q", "-m", "hw");
        String commit = git(repository, "rev-parse", "HEAD");

        GradeReport report = RepoCourse.grader().grade(new GradeRequest(repository.toString(), Optional.of("HEAD"),
                List.of("chain-rule")));

        assertEquals(List.of("chain-rule"), report.exercises().stream().map(ExerciseReport::id).toList());
        assertEquals(10, report.score());
        assertEquals(Optional.of(commit), report.provenance().gitCommit());
        assertEquals(List.of("ChainRule.java"), report.provenance().files().stream().map(f -> f.path()).toList());
        assertTrue(report.provenance().files().get(0).sha256().matches("[0-9a-f]{64}"));
        assertValidReports(report);
    }

    private static String git(Path repository, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), "git " + String.join(" ", arguments) + ": " + output);
        return output;
    }

    @Test
    void gradingTheSameSubmissionTwiceGivesIdenticalReportsApartFromDurations() {
        Path submission = RepoCourse.root().resolve("examples/typical-mistake");
        GradeReport first = RepoCourse.grade(submission);
        GradeReport second = RepoCourse.grade(submission);
        assertEquals(withoutTimes(new JsonReportWriter().render(first)), withoutTimes(new JsonReportWriter().render(second)));
        assertEquals(withoutTimes(new GradescopeResultsWriter().render(first)),
                withoutTimes(new GradescopeResultsWriter().render(second)));
    }

    @Test
    void aGraderWithChildrenOnStandbyAndTwoTestJvmsGradesAsTheDefaultOneDoes() throws Exception {
        Path submission = RepoCourse.root().resolve("examples/typical-mistake");
        String expected = withoutTimes(new JsonReportWriter().render(RepoCourse.grade(submission)));
        GraderConfig config = GraderConfig.forCourse(RepoCourse.root()).withClock(RepoCourse.CLOCK)
                .withStandby(true).withTestJvms(2);
        try (Grader grader = Grader.create(config)) {
            assertEquals(2, ProcessHandle.current().children().count(), "two child JVMs wait on standby");
            for (int round = 1; round <= 2; round++) {   // the second grading uses the children started after the first
                GradeReport report = grader.grade(GradeRequest.of(submission.toString()));
                assertEquals(expected, withoutTimes(new JsonReportWriter().render(report)), "round " + round);
                assertValidReports(report);
            }
        }
        assertNoProcessLeftBehind();
    }
}
