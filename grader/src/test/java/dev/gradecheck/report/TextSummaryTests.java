package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.GradeReport;
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
