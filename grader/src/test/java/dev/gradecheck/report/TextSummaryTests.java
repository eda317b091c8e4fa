package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.gradecheck.testing.SampleReports;
import org.junit.jupiter.api.Test;

class TextSummaryTests {

    @Test
    void showsEveryLostPointWithItsReason() {
        assertEquals("""
                mlp      2.5 / 6
                    -1  src/Mlp.java:41:9: forbidden-calls: backward calls forward
                          hint: use the cache
                    -1.5  MlpHiddenTests.backwardGradients (failed): db1 is wrong: relative error 0.8
                          missing-batch-sum: db1 is not summed over the batch
                    -1  MlpHiddenTests.hugeBatch (timeout): took longer than 5000 ms
                deep       0 / 9  not run: it does not compile: Deep.java:3:1: ';' expected
                    zero  Deep.java:3:1: compile: ';' expected
                          hint: add the missing semicolon
                    -4  1 tests not run
                    pending  Written answer (5 points, graded by hand)
                Total: 2.5 / 15 (5 points pending manual grading)
                """, TextSummary.render(SampleReports.twoExercises()));
    }

    @Test
    void verboseAddsWhatEachTestPrinted() {
        String text = TextSummary.render(SampleReports.twoExercises(), TextSummary.Detail.VERBOSE);
        assertTrue(text.contains("""
                    -1.5  MlpHiddenTests.backwardGradients (failed): db1 is wrong: relative error 0.8
                          missing-batch-sum: db1 is not summed over the batch
                          output:
                          | loss 0.25
                          | ```
                          (7 more characters were dropped)
                """), text);
        assertFalse(text.contains("MlpHiddenTests.forwardShapes"), "a passed test without output adds nothing");
    }

    @Test
    void wrapsALongMessageInsteadOfCuttingItsHint() {
        String hint = "likely cause: an epsilon inside the log larger than 1e-7; use Math.log(p) or 1e-12";
        TestReport test = test("wrongLoss", TestStatus.FAILED, "loss is wrong: " + "relative error 3.3e-7 ".repeat(8)
                + "— " + hint, List.of());
        String text = TextSummary.render(withTests(List.of(test)));
        assertTrue(text.replaceAll("\n +", " ").contains(hint), text);
        assertFalse(text.contains("..."), text);
        assertTrue(text.lines().allMatch(line -> line.length() <= 132), text);
        assertTrue(text.contains("\n          "), "continuation lines are indented: " + text);
    }

    @Test
    void foldsTestsThatOnlyMetStubsIntoOneLineNamingThem() {
        TestReport thrown = test("a", TestStatus.ERROR, "java.lang.UnsupportedOperationException: TODO: implement "
                + "Losses.mse\n  at backprop.losses.Losses.mse(Losses.java:24)", List.of());
        TestReport checks = test("b", TestStatus.FAILED, "x wrong", List.of(
                new Diagnosis("not-implemented", "x needs code that is still a stub (TODO: implement "
                        + "Value.mul(double)): implement it first", Map.of()),
                new Diagnosis("not-implemented", "y needs code that is still a stub (TODO: implement Losses.mse): "
                        + "implement it first", Map.of())));
        TestReport real = test("c", TestStatus.FAILED, "wrong values", List.of(
                new Diagnosis("not-implemented", "x needs a stub (TODO: implement Value.exp)", Map.of()),
                new Diagnosis("wrong-values", "y is wrong", Map.of())));
        TestReport unnamed = test("d", TestStatus.ERROR, "java.lang.UnsupportedOperationException: TODO\n"
                + "  at backprop.x.Thing.work(Thing.java:3)", List.of());
        TestReport notAStub = test("e", TestStatus.ERROR, "java.lang.UnsupportedOperationException: not supported",
                List.of());
        List<TestReport> tests = List.of(thrown, checks, real, unnamed, notAStub);
        assertEquals("""
                ex       0 / 5
                    -1  HiddenTests.c (failed): wrong values
                          not-implemented: x needs a stub (TODO: implement Value.exp)
                          wrong-values: y is wrong
                    -1  HiddenTests.e (error): java.lang.UnsupportedOperationException: not supported
                    -3  3 tests need methods that are still stubs (TODO): Losses.mse, Value.mul(double), Thing.work — implement them and these tests
                          run (--verbose lists each test)
                Total: 0 / 5
                """, TextSummary.render(withTests(tests)));
        String verbose = TextSummary.render(withTests(tests), TextSummary.Detail.VERBOSE);
        assertTrue(verbose.contains("""
                    -1  HiddenTests.a (error): java.lang.UnsupportedOperationException: TODO: implement Losses.mse
                          at backprop.losses.Losses.mse(Losses.java:24)
                """), verbose);
        assertFalse(verbose.contains("still stubs (TODO)"), verbose);
    }

    private static TestReport test(String method, TestStatus status, String message, List<Diagnosis> diagnoses) {
        return new TestReport(TestId.parse("p.HiddenTests#" + method), 0, 1, status, message, CapturedOutput.NONE,
                diagnoses, Duration.ZERO);
    }

    private static GradeReport withTests(List<TestReport> tests) {
        GradeReport sample = SampleReports.twoExercises();
        double max = tests.stream().mapToDouble(TestReport::maxScore).sum();
        ExerciseReport exercise = new ExerciseReport("ex", "Exercise", 0, max, 0, ExerciseStatus.GRADED, "", tests,
                List.of(), List.of());
        return new GradeReport(0, max, 0, List.of(exercise), List.of(), sample.provenance());
    }

    @Test
    void showsControlCharactersAndBidiOverridesOfStudentTextAsVisibleEscapes() {
        assertEquals("""
                mlp        0 / 3
                    zero  # Final score: 100 / 100.java:1:1: compile: cannot find symbol `x` ![t](https://evil.example/t.png) <b>bold</b>
                          hint: | a | b |
                    -3  MlpHiddenTests.backwardGradients (failed): \\e[2J\\e[HTotal: 100 / 100\\e[8m
                          code: <img src=x onerror=alert(1)> [click](https://evil.example)
                deep       0 / 0  not run: it does not compile: # Final score: 100 / 100.java:1:1: | 100 | \\e[1A
                Total: 0 / 3
                """, TextSummary.render(SampleReports.hostile()));
    }

    @Test
    void rendersNoControlCharacterButLineFeeds() {
        String text = TextSummary.render(SampleReports.hostile());

        assertEquals(0, text.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7F || c >= 0x80 && c <= 0x9F
                || Character.getType(c) == Character.FORMAT).count(), text);
    }

    @Test
    void escapesEveryInvisibleCharacterForTheTerminal() {
        assertEquals("a\\eb\\rc\\bd\\ae\\x00f\\x7Fg\\u009Bh\\u202Ei\\u2066j\\u200Fk\\u2028l\\uFEFFm\n\tn\u200D",
                Escape.terminal("a\u001Bb\rc\bd\u0007e\u0000f\u007Fg\u009Bh\u202Ei\u2066j\u200Fk\u2028l\uFEFFm\n\tn\u200D"));
        assertEquals("plain text, unchanged: é ü ✓", Escape.terminal("plain text, unchanged: é ü ✓"));
    }

    @Test
    void showsARefusalAndWhy() {
        GradeReport refused = GradeReport.refused("sub is not a repository of its own: \u001B[2Jx", SampleReports.hostile().provenance());

        assertEquals("Not graded: the grading was refused (score 0): sub is not a repository of its own: \\e[2Jx\n",
                TextSummary.render(refused));
    }

    @Test
    void saysPlainlyThatAGradingWasFlagged() {
        String summary = TextSummary.render(SampleReports.flagged());
        assertEquals("Total: 2.5 / 15 (5 points pending manual grading)\n"
                + "INTEGRITY: this grading was flagged: its child JVM's event channel was tampered with; the scores"
                + " count authentic events only:\n"
                + "    bad-signature [backprop.mlp.MlpHiddenTests#hugeBatch]: a line of the events file was rejected:"
                + " wrong signature (3 times)\n"
                + "    not-a-frame: a line of the events file was rejected: not a signed frame\n",
                summary.substring(summary.indexOf("Total:")));
    }
}
