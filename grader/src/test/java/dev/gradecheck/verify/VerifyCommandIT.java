package dev.gradecheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader verify} through the command line, on a copy of the real course broken on purpose: a known-bug variant
 * made harmless (its file is the solution's) and one declaring a code its tests cannot produce.
 */
class VerifyCommandIT {

    private static final String EXERCISE = "chain-rule";
    private static final String HARMLESS = "forward-difference";
    private static final String RENAMED = "sign-flipped";
    private static final String WRONG_CODE = "transposed";

    @TempDir
    Path temp;

    @Test
    void failsNamingAHarmlessVariantAndAWrongCode() throws IOException {
        Path course = RealCourse.copyTo(temp.resolve("course"));
        Path mutants = course.resolve("exercises").resolve(EXERCISE).resolve("mutants");
        Files.copy(course.resolve("solutions/src/main/java/backprop/chainrule/ChainRule.java"),
                mutants.resolve(HARMLESS).resolve("ChainRule.java"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(mutants.resolve(RENAMED), mutants.resolve(WRONG_CODE));
        Path manifest = course.resolve("exercises").resolve(EXERCISE).resolve("exercise.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"code\": \"" + RENAMED + "\"",
                "\"code\": \"" + WRONG_CODE + "\""));

        Run run = run("--course", course.toString(), "verify", "--exercise", EXERCISE);

        assertEquals(ExitCode.VERIFY_FAILED, run.exitCode, run.out + run.err);
        assertTrue(row(run, HARMLESS).contains("FAIL: loses no points"), run.out);
        assertTrue(row(run, HARMLESS).contains("its code " + HARMLESS + " is not among the diagnoses"), run.out);
        assertTrue(row(run, WRONG_CODE).contains("FAIL: its code " + WRONG_CODE + " is not among the diagnoses"), run.out);
        List<String> otherRows = run.out.lines().filter(line -> line.startsWith(EXERCISE + " "))
                .filter(line -> !line.equals(row(run, HARMLESS)) && !line.equals(row(run, WRONG_CODE))).toList();
        assertTrue(otherRows.size() >= 2, run.out);
        otherRows.forEach(line -> assertTrue(line.endsWith("  ok"), () -> "must stay ok: " + line + "\n" + run.out));
        int rows = otherRows.size() + 2;
        assertTrue(run.out.endsWith("FAIL: 2 of " + rows + " rows fall short: " + EXERCISE + "/" + HARMLESS + ", "
                + EXERCISE + "/" + WRONG_CODE + ".\n"), run.out);
        assertTrue(run.err.contains("grading 1/" + rows + ": solutions"), () -> "one grading per row:\n" + run.err);
    }

    @Test
    void rejectsAnUnknownExerciseListingTheCourses() {
        Path course = TinyCourse.write(temp.resolve("tiny"));

        Run run = run("--course", course.toString(), "verify", "--exercise", "no-such-exercise");

        assertEquals(ExitCode.USAGE, run.exitCode, run.out + run.err);
        assertTrue(run.err.contains("error: unknown exercise \"no-such-exercise\" — the course has: calc"), run.err);
        assertEquals("", run.out);
    }

    /** The table line of the variant (or {@code solutions}/{@code template}) of {@link #EXERCISE}. */
    private static String row(Run run, String variant) {
        return run.out.lines().filter(line -> line.matches(EXERCISE + " +" + variant + " .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + variant + " in:\n" + run.out));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(ExitCode exitCode, String out, String err) {
    }
}
