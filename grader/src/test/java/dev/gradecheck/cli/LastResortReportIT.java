package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.course.Course;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.testing.ClassroomSpec;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.JUnitXml;
import dev.gradecheck.testing.PrairieLearnSpec;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Whatever breaks after the arguments were read, {@code --out} gets a valid {@code report.json} and
 * {@code results.json} (score 0, the reason, status {@code failed}), or every format {@code --format} names and the exit code says what happened; when
 * {@code --out} itself cannot be written, the message says so plainly and the summary still reaches the terminal.
 * Every failure here is a real one: a broken manifest, a corrupt zip, a course build cache blocked by a file.
 */
class LastResortReportIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path folder;

    private Path course;
    private Path submission;
    private Path reports;

    @BeforeEach
    void writeTheCourse() {
        course = TinyCourse.write(folder.resolve("course"));
        submission = folder.resolve("alice");
        TinyCourse.file(submission, "Calc.java", """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) { return Numbers.plus(a, b); } }
                """);
        reports = folder.resolve("reports");
    }

    @Test
    void anInvalidSuiteWritesAFailedReportAndExitsThree() throws Exception {
        TinyCourse.file(course, "exercises/calc/exercise.json",
                TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0"));
        assertEquals(ExitCode.INVALID_SUITE, grade(submission.toString(), reports));
        assertTrue(err().startsWith("error: invalid exercise suite: exercises/calc/exercise.json: \"timeoutMillis\""),
                err());
        assertTrue(err().contains("the reports say why (score 0):\n  " + reports.resolve("report.json")), err());
        assertFailedReports(reports, "invalid exercise suite: exercises/calc/exercise.json: \"timeoutMillis\"");
    }

    @Test
    void aCorruptZipWritesReportsSayingWhyAndExitsTwo() throws Exception {
        Path zip = folder.resolve("hw.zip");
        Files.write(zip, "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ExitCode.USAGE, grade(zip.toString(), reports));
        JsonObject report = validReports(reports);
        assertEquals("refused", report.get("status").getAsString());
        assertTrue(report.get("reason").getAsString().contains("hw.zip"), report.toString());
    }

    @Test
    void aFailureWritesEveryRequestedFormatWithScoreZeroAndTheReason() throws Exception {
        TinyCourse.file(course, "exercises/calc/exercise.json",
                TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0"));
        Path stepOutput = folder.resolve("github_output");
        String why = "invalid exercise suite: exercises/calc/exercise.json: \"timeoutMillis\"";

        assertEquals(ExitCode.INVALID_SUITE, grade(submission.toString(), reports, everyFormat(stepOutput)));

        assertEquals(List.of("classroom-result.json", "feedback.html", "junit.xml", "prairielearn-results.json",
                "report.json", "results.json"), files(reports));
        assertFailedReports(reports, why);
        String reason = validReports(reports).get("reason").getAsString();
        assertEveryFormatSays(reports, stepOutput, "Not graded, grading failed: " + reason, "failed", reason);
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(err().contains("\n  " + reports.resolve(format.fileName()) + "\n"), format + ": " + err());
        }
    }

    @Test
    void aRefusalWritesEveryRequestedFormatWithScoreZeroAndTheReason() throws Exception {
        Path zip = folder.resolve("hw.zip");
        Files.write(zip, "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        Path stepOutput = folder.resolve("github_output");

        assertEquals(ExitCode.USAGE, grade(zip.toString(), reports, everyFormat(stepOutput)));

        String reason = validReports(reports).get("reason").getAsString();
        assertTrue(reason.contains("hw.zip"), reason);
        assertEveryFormatSays(reports, stepOutput, "Not graded: " + reason, "refused", reason);
    }

    @Test
    void anInternalErrorWritesAFailedReportAndExitsOne() throws Exception {
        blockTheBuildCache();
        assertEquals(ExitCode.INTERNAL, grade(submission.toString(), reports));
        assertTrue(err().startsWith("internal error: "), err());
        assertFailedReports(reports, "internal error in the grader (not in the submission): ");
    }

    @Test
    void anOutFolderThatCannotBeWrittenIsSaidPlainlyAfterTheSummary() throws Exception {
        Path blocked = Files.writeString(folder.resolve("a-file"), "not a folder");
        assertEquals(ExitCode.USAGE, grade(submission.toString(), blocked.resolve("reports")));
        assertTrue(out().contains("Total: 5 / 10 (5 points pending manual grading)"), out());
        assertTrue(err().startsWith("error: the grading ran, but the reports could not be written to "
                + blocked.resolve("reports")), err());
        assertPlain(err());
    }

    @Test
    void aFailureWhoseReportsCannotBeWrittenSaysBoth() throws Exception {
        blockTheBuildCache();
        Path blocked = Files.writeString(folder.resolve("a-file"), "not a folder");
        assertEquals(ExitCode.INTERNAL, grade(submission.toString(), blocked.resolve("reports")));
        assertTrue(err().contains("Nothing was graded, and the reports could not be written to "
                + blocked.resolve("reports")), err());
    }

    /** The build folder of the course's suite hash is a file: the grader cannot put its build there. */
    private void blockTheBuildCache() throws Exception {
        Path build = course.resolve("out/.cache").resolve(Course.currentSuiteHash(course));
        Files.createDirectories(build.getParent());
        Files.writeString(build, "in the way");
    }

    private ExitCode grade(String what, Path outDirectory, String... options) {
        List<String> args = new ArrayList<>(List.of("--course", course.toString(), "grade", what, "--out",
                outDirectory.toString()));
        args.addAll(List.of(options));
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
    }

    /** {@code --format ID} for every format, and the Classroom step output into {@code stepOutput}. */
    private static String[] everyFormat(Path stepOutput) {
        List<String> options = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            options.addAll(List.of("--format", format.id()));
        }
        options.addAll(List.of("--github-output", stepOutput.toString()));
        return options.toArray(String[]::new);
    }

    /**
     * Each student-facing format is valid for its platform, scores nothing and shows {@code line} (the JUnit XML:
     * {@code reason}, typed {@code kind}) where the student reads it; the step output is the Classroom file's.
     */
    private static void assertEveryFormatSays(Path reports, Path stepOutput, String line, String kind, String reason)
            throws Exception {
        String prairieLearnText = Files.readString(reports.resolve("prairielearn-results.json"));
        assertEquals(List.of(), PrairieLearnSpec.violations(prairieLearnText));
        JsonObject prairieLearn = JsonParser.parseString(prairieLearnText).getAsJsonObject();
        assertFalse(prairieLearn.get("gradable").getAsBoolean(), "nothing at all was graded");
        assertEquals(line, prairieLearn.getAsJsonArray("format_errors").get(0).getAsString());

        String classroomText = Files.readString(reports.resolve("classroom-result.json"));
        assertEquals(List.of(), ClassroomSpec.violations(classroomText));
        JsonObject classroom = JsonParser.parseString(classroomText).getAsJsonObject();
        assertEquals("error", classroom.get("status").getAsString(), "the Classroom run fails and says why");
        JsonObject only = classroom.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals(0, only.get("score").getAsDouble());
        assertEquals(line, only.get("message").getAsString());
        String step = Files.readString(stepOutput);
        assertEquals(classroomText, new String(Base64.getDecoder().decode(step.strip().substring("result=".length())),
                StandardCharsets.UTF_8));

        String junitText = Files.readString(reports.resolve("junit.xml"));
        assertEquals(List.of(), JUnitXml.problems(junitText));
        Element error = (Element) JUnitXml.read(junitText).getElementsByTagName("error").item(0);
        assertEquals(reason, error.getAttribute("message"));
        assertEquals(kind, error.getAttribute("type"));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertFailedReports(Path reports, String why) throws Exception {
        JsonObject report = validReports(reports);
        assertEquals("failed", report.get("status").getAsString());
        assertEquals(0, report.get("score").getAsInt());
        assertTrue(report.get("reason").getAsString().startsWith(why), report.get("reason").getAsString());
        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        assertTrue(results.get("output").getAsString().startsWith("**Not graded: grading failed** (score 0)"),
                results.get("output").getAsString());
    }

    private static JsonObject validReports(Path reports) throws Exception {
        String report = Files.readString(reports.resolve("report.json"));
        assertEquals(List.of(), ReportSchema.errors(report));
        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(0, results.get("score").getAsInt());
        return JsonParser.parseString(report).getAsJsonObject();
    }

    private static void assertPlain(String message) {
        assertFalse(message.contains("\tat ") || message.contains("bug") || message.contains("Exception:\n"), message);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
