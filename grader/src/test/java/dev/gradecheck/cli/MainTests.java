package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.GraderVersion;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {

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
        assertEquals("gradecheck grader " + GraderVersion.current() + "\n", out());
    }

    @Test
    void missingSubmissionIsAUsageErrorThatSaysHowToFixIt(@TempDir Path folder) {
        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade", folder.resolve("nowhere").toString()));
        assertTrue(err().startsWith("error: "), err());
        assertTrue(err().contains("nowhere"), err());
    }

    @Test
    void unknownExerciseIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("--course", RepoCourse.root().toString(), "grade",
                RepoCourse.root().resolve("examples/partial").toString(), "--exercise", "no-such-exercise"));
        assertTrue(err().startsWith("error: unknown exercise \"no-such-exercise\" — the course has: "), err());
    }

    @Test
    void brokenManifestIsAnInvalidSuite(@TempDir Path course) throws Exception {
        RepoCourse.copyTree(RepoCourse.root().resolve("exercises/chain-rule"), course.resolve("exercises/chain-rule"), false);
        RepoCourse.copyTree(RepoCourse.root().resolve("student-template/src"), course.resolve("student-template/src"), false);
        Path manifest = course.resolve("exercises/chain-rule/exercise.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0"));

        assertEquals(ExitCode.INVALID_SUITE, run("--course", course.toString(), "grade", course.toString()));
        assertEquals("error: invalid exercise suite: exercises/chain-rule/exercise.json: \"timeoutMillis\" must be "
                + "1..60000, was 0\nFix the exercise suite, then run again.\n", err());
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
            """;

    /** The structure stage's parse warning for a file that does not compile is its own wording: one placeholder. */
    private static String withoutStructureWarnings(String text) {
        return text.replaceAll("(?m)^    warning  .*\n(          hint: .*\n)?", "WARNING\n");
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
