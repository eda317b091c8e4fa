package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TolerancesTests {

    /** A cross-entropy of two rows, as a test computes it. */
    private static double crossEntropy(double epsilon, boolean reversed) {
        double[] p = {0.31, 0.12, 0.57, 0.2};
        double total = 0.0;
        for (int i = 0; i < p.length; i++) {
            total -= Math.log(p[reversed ? p.length - 1 - i : i] + epsilon);
        }
        return total;
    }

    @Test
    void anEpsilonOf1eMinus7InsideTheLogAndAnotherSummationOrderPassTheLossBar() {
        double expected = crossEntropy(0.0, false);

        assertTrue(Tolerances.check("loss", crossEntropy(1e-7, false), expected, 1e-6).passed());
        assertTrue(Tolerances.check("loss", crossEntropy(0.0, true), expected, 1e-6).passed());
    }

    @Test
    void aRealMistakeFailsWithBothNumbersAndNoNearMissHint() {
        TensorCheck mean = Tolerances.check("loss", 1.25 / 5, 1.25, 1e-6);

        assertFalse(mean.passed());
        assertEquals("loss: expected 1.25, got 0.25 — relative error 6.7e-01, the bar is 1.0e-06. The formula differs:"
                + " re-derive it step by step.", mean.firstDiagnosis().orElseThrow().text());
    }

    @Test
    void aNearMissSaysSoAndNamesTheLikelyCause() {
        double expected = crossEntropy(0.0, false);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertClose("loss", crossEntropy(2e-6, false), expected, 1e-6));

        assertTrue(failure.getMessage().contains("missed by a small margin ("), failure.getMessage());
        assertTrue(failure.getMessage().contains("an epsilon larger than 1e-7 added inside a log"), failure.getMessage());
    }

    @Test
    void nanNeverPassesAndSaysWhy() {
        TensorCheck check = Tolerances.check("loss", Double.NaN, 1.0, 1e-6);

        assertEquals("non-finite", check.codes().get(0));
        assertDoesNotThrow(() -> Tolerances.assertClose("zero", 0.0, 0.0, 1e-12));
    }

    @Test
    void aGradientJustAboveTheBarGetsTheNearMissHintInItsDiagnosis() {
        TensorCheck check = Gradients.check("dW1", new double[][] {{1.0 + 1e-4, 2.0}}, new double[][] {{1.0, 2.0}});

        assertFalse(check.passed());
        assertTrue(check.firstDiagnosis().orElseThrow().text().contains("the bar is 1.0e-05, missed by a small margin"),
                check.firstDiagnosis().orElseThrow().text());
    }
}
