package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
