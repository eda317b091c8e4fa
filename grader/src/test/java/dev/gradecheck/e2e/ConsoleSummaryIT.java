package dev.gradecheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code grade} prints, end to end through {@link Main#run}: no message cut, tests that only met stubs folded
 * into one line per exercise naming the stubs, and {@code --verbose} showing every test, message line and output.
 */
class ConsoleSummaryIT {

    /** A test line of the summary: {@code -2  LossesHiddenTests.mse... (error): ...}. */
    private static final Pattern TEST_LINE = Pattern.compile("(?m)^    -[0-9.]+  [A-Za-z]+HiddenTests\\.");

    @TempDir
    Path temp;

    @Test
    void theUntouchedTemplateGetsOneLinePerExerciseNamingItsStubs() {
        String text = grade(RepoCourse.root().resolve("student-template"));
        String joined = unwrapped(text);
        assertTrue(joined.contains("    -15  13 tests need methods that are still stubs (TODO): Losses.mse, "
                + "Losses.mseGradient, Losses.softmax, Losses.crossEntropy, Losses.softmaxCrossEntropyGradient,"), text);
        assertTrue(joined.contains("GradientClipping.clipByGlobalNorm — implement them and these tests run"), text);
        assertTrue(joined.contains("    -20  16 tests need methods that are still stubs (TODO): Value.mul(double), "
                + "Value.mul, Value.add,"), text);
        assertTrue(TEST_LINE.matcher(text).results().count() <= 3,
                "only tests that failed for another reason than a stub keep a line of their own:\n" + text);
        assertTrue(text.lines().count() < 45, "the template's summary has " + text.lines().count() + " lines:\n" + text);
        assertNothingCut(text);
    }

    @Test
    void thePartialExampleKeepsItsRealFailureWholeAndFoldsItsStubs() {
        String text = grade(RepoCourse.root().resolve("examples/partial"));
        assertTrue(text.contains("MlpHiddenTests.constructorRejectsMismatchedShapes (failed): new Mlp(W1 4x8, b1 1x7,"
                ), text);
        assertTrue(unwrapped(text).contains("(the constructor must validate the shapes, a TODO of the"
                + " template) ==> Expected java.lang.IllegalArgumentException to be thrown, but nothing was thrown."),
                "the message is wrapped, not cut:\n" + text);
        assertTrue(unwrapped(text).contains("tests need methods that are still stubs (TODO): Losses.mse,"), text);
        assertTrue(text.contains("DeepNetwork.normalInit"), text);
        assertFalse(text.contains("LossesHiddenTests.mseIsTheMeanOverEveryEntry"), text);
        assertNothingCut(text);
    }

    @Test
    void verboseListsEachTestWithItsWholeMessage() {
        String text = grade(RepoCourse.root().resolve("examples/partial"), "--exercise", "losses-and-clipping",
                "--verbose");
        assertTrue(text.contains("    -1  LossesHiddenTests.mseIsTheMeanOverEveryEntry (error): "
                + "java.lang.UnsupportedOperationException: TODO: implement Losses.mse\n"
                + "          at backprop.losses.Losses.mse(Losses.java:"), text);
        assertEquals(13, TEST_LINE.matcher(text).results().count(), text);
        assertFalse(text.contains("tests need methods that are still stubs"), text);
        assertNothingCut(text);
    }

    /** The text with each wrapped continuation line joined to the line before. */
    private static String unwrapped(String text) {
        return text.replace("\n          ", " ");
    }

    /** No line ends in an ellipsis, and none is wider than the wrap width unless it is a single word. */
    private static void assertNothingCut(String text) {
        List<String> cut = text.lines().filter(line -> line.endsWith("...")).toList();
        assertEquals(List.of(), cut, "lines cut short");
        List<String> wide = text.lines().filter(line -> line.length() > 132 && line.strip().contains(" ")).toList();
        assertEquals(List.of(), wide, "lines wider than 132 columns");
    }

    private String grade(Path submission, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--course", RepoCourse.root().toString(), "grade",
                submission.toString(), "--out", temp.resolve("reports").toString()));
        args.addAll(List.of(more));
        ExitCode code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, code, text + err.toString(StandardCharsets.UTF_8));
        return text;
    }
}
