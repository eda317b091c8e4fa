package dev.gradecheck.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.api.WrittenAnswer.Status;
import dev.gradecheck.course.AnswerSection;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.ManualItem;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import dev.gradecheck.report.PrairieLearnResultsWriter;
import dev.gradecheck.report.TextSummary;
import dev.gradecheck.scoring.ExerciseOutcome;
import dev.gradecheck.scoring.Scorer;
import dev.gradecheck.submission.AnswerFile;
import dev.gradecheck.submission.Fixtures;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentFileLocator;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.ReportSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written answer of the vanishing-gradients exercise ({@code ANSWERS.md}), from the submission on disk through
 * the locator and the front stages' answer check to the reports, against the course's real template.
 */
class WrittenAnswersTests {

    private static final String FILE = "ANSWERS.md";
    private static final String SECTION = "vanishing-gradients";

    @TempDir
    Path temp;

    private Path course;
    private Exercise exercise;
    private Path submission;

    @BeforeEach
    void courseWithTheRealTemplate() throws IOException {
        course = temp.resolve("course");
        Files.createDirectories(course.resolve("student-template"));
        Files.copy(RepoCourse.root().resolve("student-template/ANSWERS.md"), course.resolve("student-template/ANSWERS.md"));
        exercise = new Exercise(SECTION, "A deep network", course.resolve("exercises/" + SECTION),
                List.of("backprop/deep/DeepNetwork.java"), List.of(),
                List.of(new ManualItem("vanishing-answer", "Written answer", 5,
                        Optional.of(new AnswerSection(FILE, SECTION)))),
                List.of(), List.of(), OptionalInt.empty(), List.of());
        submission = Files.createDirectories(temp.resolve("submission"));
    }

    @Test
    void aWrittenAnswerIsCarriedIntoReportJsonAsWrittenWithoutAWarning() throws Exception {
        copyFixture("answers/written/ANSWERS.md", FILE);

        WrittenAnswers.Checked checked = check();

        WrittenAnswer answer = checked.answers().get("vanishing-answer");
        assertEquals(Status.PRESENT, answer.status());
        assertEquals(FILE, answer.path());
        assertTrue(answer.text().startsWith("With sigmoid every layer multiplies"), answer.text());
        assertTrue(answer.text().endsWith("the norms were 0.8 and 0.5."), "a # line in a code block is code, not a"
                + " heading that ends the section: " + answer.text());
        assertFalse(answer.text().contains("Write your answer below"), answer.text());
        assertEquals(List.of(), checked.findings());

        String json = new JsonReportWriter().render(report(checked));
        assertEquals(List.of(), ReportSchema.errors(json));
        JsonObject written = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("exercises").get(0)
                .getAsJsonObject().getAsJsonArray("manual").get(0).getAsJsonObject().getAsJsonObject("answer");
        assertEquals("present", written.get("status").getAsString());
        assertEquals(answer.text(), written.get("text").getAsString());
        assertEquals(0, written.get("cut_chars").getAsLong());
    }

    @Test
    void aMissingFileGivesAWarningThatSaysWhereToGetIt() throws Exception {
        WrittenAnswers.Checked checked = check();

        assertEquals(Status.MISSING_FILE, checked.answers().get("vanishing-answer").status());
        Finding warning = onlyWarning(checked);
        assertEquals("ANSWERS.md is missing, so the written answer `vanishing-answer` (5 points, graded by hand) has"
                + " nothing to grade", warning.message());
        assertTrue(warning.hint().startsWith("Copy ANSWERS.md from the template into your project's top folder."),
                warning.hint());
        assertEquals(List.of(), ReportSchema.errors(new JsonReportWriter().render(report(checked))));
    }

    @Test
    void theTemplatesSectionUnchangedGivesAWarning() throws Exception {
        Files.copy(course.resolve("student-template/ANSWERS.md"), submission.resolve(FILE));

        WrittenAnswers.Checked checked = check();

        assertEquals(Status.UNCHANGED, checked.answers().get("vanishing-answer").status());
        assertEquals("", checked.answers().get("vanishing-answer").text());
        assertTrue(onlyWarning(checked).message().startsWith("ANSWERS.md: the section `vanishing-gradients` is"
                + " unchanged from the template, so the written answer"), onlyWarning(checked).message());
    }

    @Test
    void onlyWhiteSpaceAddedToTheTemplateIsStillUnchanged() throws Exception {
        String template = Files.readString(course.resolve("student-template/ANSWERS.md"));
        Files.writeString(submission.resolve(FILE), template.replace("\n", "\r\n  ") + "\n\n   \n");

        assertEquals(Status.UNCHANGED, check().answers().get("vanishing-answer").status());
    }

    @Test
    void anEmptiedSectionGivesAWarning() throws Exception {
        copyFixture("answers/empty-section/ANSWERS.md", FILE);

        WrittenAnswers.Checked checked = check();

        assertEquals(Status.EMPTY, checked.answers().get("vanishing-answer").status());
        assertTrue(onlyWarning(checked).message().contains("the section `vanishing-gradients` is empty"),
                onlyWarning(checked).message());
    }

    @Test
    void aFileWithoutTheSectionGivesAWarningQuotingTheTemplatesHeading() throws Exception {
        copyFixture("answers/no-section/ANSWERS.md", FILE);

        WrittenAnswers.Checked checked = check();

        assertEquals(Status.MISSING_SECTION, checked.answers().get("vanishing-answer").status());
        assertEquals("ANSWERS.md has no section headed `vanishing-gradients`, so the written answer"
                + " `vanishing-answer` (5 points, graded by hand) has nothing to grade", onlyWarning(checked).message());
        assertTrue(onlyWarning(checked).hint().startsWith("Keep the template's heading \"## Exercise 5"
                + " `vanishing-gradients` (5 points, graded by hand)\"."), onlyWarning(checked).hint());
    }

    @Test
    void aSymbolicLinkIsNeverFollowedAndTheWarningSaysWhy() throws Exception {
        Path solution = Files.writeString(temp.resolve("solution.md"), "## `vanishing-gradients`\n\nSOLUTION TEXT\n");
        Files.createSymbolicLink(submission.resolve(FILE), solution);

        WrittenAnswers.Checked checked = check();

        assertEquals(Status.UNREADABLE, checked.answers().get("vanishing-answer").status());
        assertEquals("ANSWERS.md is a symbolic link, which the grader never follows (it could point to any file), so"
                + " the written answer `vanishing-answer` (5 points, graded by hand) was not read",
                onlyWarning(checked).message());
        assertEquals("Replace the link by the file itself.", onlyWarning(checked).hint());
        String json = new JsonReportWriter().render(report(checked));
        assertFalse(json.contains("SOLUTION TEXT"), json);
        assertTrue(json.contains("\"reason\": \"symbolic link: not followed\""), json);
    }

    @Test
    void aLinkToPasswdIsNotReadEvenWhenARegularCopyIsDeeper() throws Exception {
        Files.createSymbolicLink(submission.resolve(FILE), Path.of("/etc/passwd"));
        copyFixture("answers/written/ANSWERS.md", "docs/answers.md");

        WrittenAnswers.Checked checked = check();

        WrittenAnswer answer = checked.answers().get("vanishing-answer");
        assertEquals(Status.PRESENT, answer.status());
        assertEquals("docs/answers.md", answer.path(), "the regular file, any case, is preferred to the link");
        assertFalse(answer.text().contains("root:"), answer.text());
    }

    @Test
    void aFolderNamedAnswersMdIsNotReadAndTheWarningSaysSo() throws Exception {
        copyFixture("answers/written/ANSWERS.md", "ANSWERS.md/ANSWERS.txt");

        WrittenAnswers.Checked checked = check();

        assertEquals(Status.UNREADABLE, checked.answers().get("vanishing-answer").status());
        assertTrue(onlyWarning(checked).message().startsWith("ANSWERS.md is a folder, not a file"),
                onlyWarning(checked).message());
    }

    @Test
    void aHugeFileIsReadOnlyUpToItsCapAndTheReportSaysTheAnswerWasCut() throws Exception {
        String template = Files.readString(course.resolve("student-template/ANSWERS.md"));
        try (OutputStream out = Files.newOutputStream(submission.resolve(FILE))) {
            out.write((template + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] line = "gradients vanish ä because of the chain rule\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 8 * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
        }

        WrittenAnswers.Checked checked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check());

        WrittenAnswer answer = checked.answers().get("vanishing-answer");
        assertEquals(Status.PRESENT, answer.status());
        assertEquals(WrittenAnswers.MAX_CHARS, answer.text().length());
        assertTrue(answer.cutChars() > 8L * 1024 * 1024 - AnswerFile.Read.MAX_BYTES, "cut " + answer.cutChars());
        assertTrue(onlyWarning(checked).message().contains("is longer than the report carries"),
                onlyWarning(checked).message());
        String json = new JsonReportWriter().render(report(checked));
        assertTrue(json.length() < 200_000, "report.json has " + json.length() + " characters");
        assertTrue(TextSummary.render(report(checked)).contains("(cut: "), TextSummary.render(report(checked)));
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedAndWarnedAbout() throws Exception {
        String template = Files.readString(course.resolve("student-template/ANSWERS.md"));
        byte[] head = (template + "\nThe factor is at most ").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xBC, (byte) 0xFF, (byte) 0xC3};
        byte[] tail = " per layer.\n".getBytes(StandardCharsets.UTF_8);
        Fixtures.write(submission, FILE, concat(head, bad, tail));

        WrittenAnswers.Checked checked = check();

        WrittenAnswer answer = checked.answers().get("vanishing-answer");
        assertEquals(Status.PRESENT, answer.status());
        assertTrue(answer.text().startsWith("The factor is at most \uFFFD"), answer.text());
        assertTrue(onlyWarning(checked).message().equals("ANSWERS.md is not valid UTF-8: the bytes that are not were"
                + " replaced by \uFFFD"), onlyWarning(checked).message());
    }

    @Test
    void theAnswerIsReadFromAZipSubmissionAtItsTopFolder() throws Exception {
        Path zip = temp.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("project/ANSWERS.md"));
            out.write(Files.readAllBytes(Fixtures.resource("answers/written/ANSWERS.md")));
            out.closeEntry();
        }

        WrittenAnswers.Checked checked = check(zip);

        assertEquals(Status.PRESENT, checked.answers().get("vanishing-answer").status());
        assertEquals("project/ANSWERS.md", checked.answers().get("vanishing-answer").path());
    }

    @Test
    void theShallowestCopyIsReadAndTheOthersAreListedAsNotUsed() throws Exception {
        copyFixture("answers/written/ANSWERS.md", FILE);
        copyFixture("answers/no-section/ANSWERS.md", "old/ANSWERS.md");

        LocatedFiles located = locate(submission);

        assertEquals(FILE, ((AnswerFile.Read) located.answer(FILE)).path());
        assertEquals(List.of(new dev.gradecheck.submission.IgnoredFile("old/ANSWERS.md",
                "another copy of the written answers: ANSWERS.md was read instead")), located.ignored());
    }

    @Test
    void theWarningsCostNoPointsAndBlockNoTests() throws Exception {
        Finding warning = onlyWarning(check());

        assertEquals(Severity.WARN, warning.severity());
        assertEquals(0, warning.points());
        assertFalse(warning.blocksTests());
        assertEquals(WrittenAnswer.FINDING_RULE, warning.rule());
    }

    @Test
    void anAnswerFullOfMarkdownHtmlAndEscapesReachesNoOutputRaw() throws Exception {
        copyFixture("answers/hostile/ANSWERS.md", FILE);
        WrittenAnswers.Checked checked = check();
        assertEquals(Status.PRESENT, checked.answers().get("vanishing-answer").status());
        assertTrue(checked.answers().get("vanishing-answer").text().contains("\u001B[2J"), "report.json keeps it raw");
        GradeReport report = report(checked);

        String verbose = TextSummary.render(report, TextSummary.Detail.VERBOSE);
        assertFalse(verbose.contains("\u001B") || verbose.contains("\u0007") || verbose.contains("\u202E"), verbose);
        assertTrue(verbose.contains("\\e[2J"), verbose);
        assertTrue(verbose.contains("| ### Final score: 100 / 100"), "the answer is shown as quoted lines: " + verbose);

        JsonObject results = JsonParser.parseString(new GradescopeResultsWriter().render(report)).getAsJsonObject();
        String manual = results.getAsJsonArray("tests").asList().stream().map(test -> test.getAsJsonObject())
                .filter(test -> test.get("name").getAsString().contains("graded by hand")).findFirst().orElseThrow()
                .get("output").getAsString();
        int fence = manual.indexOf("````text\n");
        assertTrue(fence > 0, "the answer sits in a code block whose fence is longer than its own ``` line: " + manual);
        assertTrue(manual.substring(0, fence).indexOf("<img") < 0 && manual.substring(0, fence).indexOf("![") < 0, manual);
        assertTrue(manual.endsWith("````\n"), manual);
        assertFalse(manual.contains("\u001B"), manual);

        String prairieLearn = new PrairieLearnResultsWriter().render(report);
        assertFalse(prairieLearn.contains("evil.example"), "PrairieLearn names the answer's status only: " + prairieLearn);
    }

    @Test
    void aTemplateWithoutTheSectionStopsTheCourseFromLoadingWithFileAndFix() throws Exception {
        Files.writeString(course.resolve("student-template/ANSWERS.md"), "# Written answers\n\n## Exercise 5\n");

        CourseException problem = assertThrows(CourseException.class,
                () -> WrittenAnswers.of(new CourseLayout(course), List.of(exercise)));

        assertEquals("exercises/vanishing-gradients/exercise.json: \"manual[0].answer\": student-template/ANSWERS.md has"
                + " no heading that quotes `vanishing-gradients` in backticks — add a section like \"## Exercise"
                + " `vanishing-gradients`\" with the line `<!-- Write your answer below this line. -->`, or fix"
                + " \"section\"", problem.getMessage());
    }

    private WrittenAnswers.Checked check() throws Exception {
        return check(submission);
    }

    private WrittenAnswers.Checked check(Path opened) throws Exception {
        return WrittenAnswers.of(new CourseLayout(course), List.of(exercise)).check(exercise, locate(opened));
    }

    private LocatedFiles locate(Path opened) throws Exception {
        Submission open = Intake.create(temp.resolve("scratch")).open(opened.toString(), Optional.empty());
        return StudentFileLocator.locate(open, Set.of(), Set.of(), Set.of(FILE));
    }

    private GradeReport report(WrittenAnswers.Checked checked) {
        ExerciseReport scored = Scorer.score(ExerciseOutcome.notRun(exercise, checked.findings(),
                "none of its files were found in the submission").withAnswers(checked.answers()));
        Provenance provenance = new Provenance("submission", Optional.empty(), List.<GradedFile>of(), "0.1.0-TEST",
                "c".repeat(64), new Isolation(true, false, "grader", false, List.of()),
                Instant.parse("2025-01-02T03:04:05Z"), Duration.ofMillis(10));
        List<IgnoredPath> ignored = Files.isSymbolicLink(submission.resolve(FILE))
                ? List.of(new IgnoredPath(FILE, "symbolic link: not followed")) : List.of();
        return new GradeReport(scored.score(), scored.maxScore(), scored.pendingManualPoints(), List.of(scored),
                ignored, provenance);
    }

    private static Finding onlyWarning(WrittenAnswers.Checked checked) {
        assertEquals(1, checked.findings().size(), checked.findings().toString());
        return checked.findings().get(0);
    }

    private void copyFixture(String fixture, String relative) {
        Fixtures.write(submission, relative, Fixtures.text(fixture));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
