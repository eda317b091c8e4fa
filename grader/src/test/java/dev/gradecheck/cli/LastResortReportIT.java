package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.course.Course;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever breaks after the arguments were read, {@code --out} gets a valid {@code report.json} and
 * {@code results.json} (score 0, the reason, status {@code failed}) and the exit code says what happened; when
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

    private ExitCode grade(String what, Path outDirectory) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--course", course.toString(), "grade", what, "--out", outDirectory.toString());
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
