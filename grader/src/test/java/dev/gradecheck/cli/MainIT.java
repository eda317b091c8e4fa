package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.GraderVersion;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.ReportSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, run());
        assertTrue(err().startsWith("error: missing command — try 'grader demo' or 'grader grade SUBMISSION'\n"), err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("grade", "x", "--frobnicate"));
        assertTrue(err().contains("Unknown option: '--frobnicate'"), err());
        assertTrue(err().contains("Usage: grader grade"), err());
    }

    @Test
    void printsHelpAndVersion() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out().contains("Commands:") && out().contains("grade") && out().contains("demo"), out());
        assertTrue(out().contains("Exit codes: 0 grading ran"), out());
        out.reset();
        assertEquals(ExitCode.OK, run("--version"));
        assertEquals("gradecheck grader " + GraderVersion.current() + "\nJava " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home") + "\n", out());
    }

    @Test
    void missingSubmissionIsAUsageErrorThatSaysHowToFixIt(@TempDir Path folder) throws Exception {
        Path reports = folder.resolve("reports");
        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade",
                folder.resolve("nowhere").toString(), "--out", reports.toString()));
        assertTrue(err().startsWith("error: Submission not found: " + folder.resolve("nowhere")), err());
        assertRefusalReports(reports, "Submission not found: " + folder.resolve("nowhere"));
    }

    @Test
    void unknownExerciseIsAUsageError(@TempDir Path folder) throws Exception {
        Path reports = folder.resolve("reports");
        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade",
                RepoCourse.root().resolve("examples/partial").toString(), "--exercise", "no-such-exercise",
                "--out", reports.toString()));
        assertTrue(err().startsWith("error: unknown exercise \"no-such-exercise\" — the course has: "), err());
        assertRefusalReports(reports, "unknown exercise \"no-such-exercise\"");
    }

    @Test
    void gitRedirectToAnotherRepositoryIsRefusedWithReportsSayingWhy(@TempDir Path folder) throws Exception {
        Path submission = Files.createDirectories(folder.resolve("student"));
        Files.writeString(submission.resolve(".git"), "gitdir: " + RepoCourse.root().resolve(".git") + "\n");
        Path reports = folder.resolve("reports");

        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade", submission.toString(),
                "--ref", "HEAD", "--out", reports.toString()));

        String why = submission + " is not a repository of its own: its .git is a file that points to another git"
                + " directory (\"gitdir: " + RepoCourse.root().resolve(".git") + "\")";
        assertTrue(err().startsWith("error: " + why + ", as a linked worktree or a submodule has — "), err());
        assertTrue(err().contains("submit the repository itself, not a link to another one"), err());
        assertTrue(err().contains("Nothing was graded; the reports say why (score 0):\n  " + reports.resolve("report.json")
                + "\n  " + reports.resolve("results.json") + "\n"), err());
        assertRefusalReports(reports, why);
    }

    @Test
    void unwritableOutFolderIsSaidPlainly(@TempDir Path folder) throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade",
                folder.resolve("nowhere").toString(), "--out", notAFolder.resolve("reports").toString()));

        assertTrue(err().startsWith("error: Submission not found: "), err());
        assertTrue(err().contains("Nothing was graded, and the reports could not be written to "
                + notAFolder.resolve("reports") + " ("), err());
        assertTrue(err().contains("— check that the folder can be created and written, or pass another --out DIR"), err());
        assertFalse(err().contains("bug in the grader"), err());
    }

    @Test
    void unwritableOutFolderAfterGradingIsAUsageErrorNotABug(@TempDir Path folder) throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade",
                RepoCourse.root().resolve("examples/compile-error").toString(), "--exercise", "chain-rule",
                "--out", notAFolder.toString()));

        assertTrue(err().startsWith("error: the grading ran, but the reports could not be written to " + notAFolder), err());
        assertFalse(err().contains("bug in the grader"), err());
    }

    @Test
    void hostileFileAndFolderNamesAreEscapedOnTheTerminalAndInMarkdown(@TempDir Path folder) throws Exception {
        Path submission = Files.createDirectories(folder.resolve("evil\u001B[2J\u202Ename"));
        Files.createDirectories(submission.resolve("# Final score: 100 "));   // the slash of "100 / 100" is a folder
        Files.copy(RepoCourse.root().resolve("examples/compile-error/ChainRule.java"),
                submission.resolve("# Final score: 100 / 100.java"));
        Path reports = folder.resolve("reports");

        assertEquals(ExitCode.OK, run("--course", RepoCourse.root().toString(), "grade", submission.toString(),
                "--exercise", "chain-rule", "--out", reports.toString()));

        String shown = folder.resolve("evil\\e[2J\\u202Ename").toString();
        assertTrue(out().startsWith("Graded " + shown + "\nchain-rule       0 / 10  not run: it does not compile:"
                + " # Final score: 100 / 100.java:38:47: ';' expected\n"), out());
        assertFalse(out().chars().anyMatch(c -> c == 0x1B || c == 0x202E), out());
        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        String compilation = results.getAsJsonArray("tests").get(0).getAsJsonObject().get("output").getAsString();
        assertTrue(compilation.startsWith("- `# Final score: 100 / 100.java:38:47` (compile, exercise scores 0): ';'"
                + " expected Hint: "), compilation);
        String report = Files.readString(reports.resolve("report.json"));
        assertEquals(List.of(), ReportSchema.errors(report));
        assertTrue(report.contains("\"path\": \"# Final score: 100 / 100.java\""), report);
    }

    /** Both reports exist, are valid, score 0 and carry {@code why}. */
    private static void assertRefusalReports(Path reports, String why) throws Exception {
        String report = Files.readString(reports.resolve("report.json"));
        assertEquals(List.of(), ReportSchema.errors(report));
        JsonObject json = JsonParser.parseString(report).getAsJsonObject();
        assertEquals("refused", json.get("status").getAsString());
        assertEquals(0, json.get("score").getAsInt());
        assertTrue(json.get("reason").getAsString().startsWith(why), json.get("reason").getAsString());
        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(0, results.get("score").getAsInt());
        assertTrue(results.get("output").getAsString().contains(why), results.get("output").getAsString());
    }

    @Test
    void brokenManifestIsAnInvalidSuite(@TempDir Path course) throws Exception {
        RepoCourse.copyTree(RepoCourse.root().resolve("exercises/chain-rule"), course.resolve("exercises/chain-rule"), false);
        RepoCourse.copyTree(RepoCourse.root().resolve("student-template/src"), course.resolve("student-template/src"), false);
        Path manifest = course.resolve("exercises/chain-rule/exercise.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0"));

        assertEquals(ExitCode.INVALID_SUITE, run("--course", course.toString(), "grade", course.toString()));
        assertTrue(err().startsWith("error: invalid exercise suite: exercises/chain-rule/exercise.json: \"timeoutMillis\" must be "
                + "1..60000, was 0\nFix the exercise suite, then run again.\nNothing was graded; the reports say why (score 0):\n"),
                err());
    }

    @Test
    void aFolderThatIsNotACourseIsAnInvalidSuite(@TempDir Path folder) {
        assertEquals(ExitCode.INVALID_SUITE, run("--course", folder.toString(), "grade", folder.toString()));
        assertTrue(err().contains("not a course"), err());
    }

    @Test
    void gradePrintsTheSummaryAndWhereTheReportsAre(@TempDir Path folder) {
        Path submission = RepoCourse.root().resolve("examples/compile-error");
        Path reports = folder.resolve("reports");
        assertEquals(ExitCode.OK, run("--course", RepoCourse.root().toString(), "grade", submission.toString(),
                "--exercise", "chain-rule", "--out", reports.toString()));
        assertEquals("", err());
        String expected = SUMMARY.replace("SUBMISSION", submission.toString()).replace("REPORTS", reports.toString());
        assertEquals(expected, withoutStructureWarnings(out()));
        assertTrue(Files.isRegularFile(reports.resolve("report.json")));
        assertTrue(Files.isRegularFile(reports.resolve("results.json")));
    }

    private static final String SUMMARY = """
            Graded SUBMISSION
            chain-rule       0 / 10  not run: it does not compile: ChainRule.java:38:47: ';' expected
                zero  ChainRule.java:38:47: compile: ';' expected
                      hint: Something is missing just before this point, usually a `;`, `)` or `}` at the end of the previous line.
            WARNING
                -10  8 tests not run
            Total: 0 / 10
            Reports written to:
              REPORTS/report.json
              REPORTS/results.json
              REPORTS/feedback.html
            """;

    /**
     * The structure stage's parse warning for a file that does not compile is its own wording: one placeholder (for
     * the warning, its wrapped continuation lines and its hint).
     */
    private static String withoutStructureWarnings(String text) {
        return text.replaceAll("(?m)^    warning  .*\n(          .*\n)*", "WARNING\n");
    }

    private ExitCode run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
