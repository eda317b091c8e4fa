package backprop.chainrule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.Verdicts;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code chain-rule}. Every expected value is a closed form computed here, never the
 * student's own code; gradients are graded with the toolkit so that scale mistakes (sign, factor 2) are named.
 */
class ChainRuleHiddenTests {

    /** Closed form of d/dx relu(3x + 1)^2 = 6 relu(3x + 1), with relu'(0) = 0. */
    private static double reluSquareExpected(double x) {
        return 6.0 * Math.max(0.0, 3.0 * x + 1.0);
    }

    /** What a gradient without the ReLU mask gives: 6 (3x + 1) everywhere. */
    private static double reluSquareWithoutMask(double x) {
        return 6.0 * (3.0 * x + 1.0);
    }

    /** Closed form of d/dx sin(x^2)^2 = 4x sin(x^2) cos(x^2). */
    private static double sinSquareExpected(double x) {
        return 4.0 * x * Math.sin(x * x) * Math.cos(x * x);
    }

    /** What a gradient that forgets the inner derivative dz/dx = 2x gives. */
    private static double sinSquareWithoutInnerDerivative(double x) {
        return 2.0 * Math.sin(x * x) * Math.cos(x * x);
    }

    @Test
    void reluSquareGradientAtTwoIs42(TestReporter reporter) {
        double actual = ChainRule.reluSquareGradient(2.0);
        Verdicts.publish(reporter, Gradients.check("reluSquareGradient(2.0) = " + format(actual)
                + " (expected 42 = 2 relu(7) · 1 · 3)", row(actual), row(42.0)));
    }

    @Test
    void reluSquareGradientMatchesTheChainRuleWhereReluIsActive(TestReporter reporter) {
        double[] xs = {0.0, 1.0, 0.25, 3.7, -0.2, -0.3};
        double[] actual = apply(ChainRule::reluSquareGradient, xs);
        Verdicts.publish(reporter, Gradients.check("reluSquareGradient at x = " + list(xs), row(actual),
                row(apply(ChainRuleHiddenTests::reluSquareExpected, xs))));
    }

    @Test
    void reluSquareGradientIsZeroWhereReluIsInactive(TestReporter reporter) {
        double[] xs = {-1.0, -0.5, -10.0, -0.34};
        double[] actual = apply(ChainRule::reluSquareGradient, xs);
        for (int i = 0; i < xs.length; i++) {
            if (actual[i] != 0.0) {
                if (close(actual[i], reluSquareWithoutMask(xs[i]), 1e-9)) {
                    Verdicts.diagnose(reporter, "missing-relu-mask", "reluSquareGradient(" + xs[i] + ") = "
                            + format(actual[i]) + " but relu(3x + 1) is off there, so relu'(u) = 0 and dL/dx = 0: "
                            + "multiply by the ReLU derivative (1 if u > 0, else 0)");
                }
                fail("reluSquareGradient(" + xs[i] + "): expected 0 (3x + 1 = " + format(3 * xs[i] + 1)
                        + " < 0, so relu is off and its derivative is 0), got " + format(actual[i]));
            }
        }
    }

    @Test
    void reluSquareGradientAroundTheKink() {
        double atKink = ChainRule.reluSquareGradient(-1.0 / 3.0);
        assertTrue(Double.isFinite(atKink), () -> "reluSquareGradient(-1/3) must be finite, got " + atKink);
        assertEquals(0.0, atKink, 1e-12, "reluSquareGradient(-1/3): at the kink u = 3x + 1 = 0 relu'(0) = 0 and relu(0) = 0");
        double below = ChainRule.reluSquareGradient(-1.0 / 3.0 - 1e-6);
        assertEquals(0.0, below, 0.0, "reluSquareGradient just below the kink (u < 0) must be exactly 0");
        double above = ChainRule.reluSquareGradient(-1.0 / 3.0 + 1e-6);
        assertEquals(reluSquareExpected(-1.0 / 3.0 + 1e-6), above, 1e-12,
                "reluSquareGradient just above the kink (u = 3e-6 > 0): expected 6u = 1.8e-5");
    }

    @Test
    void sinSquareGradientMatchesTheClosedForm(TestReporter reporter) {
        double[] xs = {0.0, 0.3, -0.7, 1.1, 2.0, -2.5, 0.9};
        double[] actual = apply(ChainRule::sinSquareGradient, xs);
        double[] expected = apply(ChainRuleHiddenTests::sinSquareExpected, xs);
        if (allClose(actual, apply(ChainRuleHiddenTests::sinSquareWithoutInnerDerivative, xs), 1e-9)) {
            Verdicts.diagnose(reporter, "missing-inner-derivative", "sinSquareGradient returns 2 sin(x^2) cos(x^2): "
                    + "the chain stops at z = x^2 — multiply by dz/dx = 2x as well");
        }
        Verdicts.publish(reporter, Gradients.check("sinSquareGradient at x = " + list(xs), row(actual), row(expected)));
    }

    @Test
    void centralDifferenceIsExactOnQuadratics(TestReporter reporter) {
        DoubleUnaryOperator quadratic = x -> 3.0 * x * x - 2.0 * x + 5.0; // f'(x) = 6x - 2
        double[][] cases = {{1.5, 0.5}, {-2.0, 0.1}, {0.0, 1e-3}};
        for (double[] c : cases) {
            double x = c[0];
            double h = c[1];
            double actual = ChainRule.centralDifference(quadratic, x, h);
            diagnoseOneSidedDifference(reporter, quadratic, x, h, actual);
            double expected = 6.0 * x - 2.0;
            assertEquals(expected, actual, 1e-9 * Math.max(1.0, Math.abs(expected)),
                    "centralDifference of 3x^2 - 2x + 5 at x = " + x + " with h = " + h + ": expected exactly " + expected
                            + " (a central difference has no h-error on a quadratic), got " + actual);
        }
    }

    @Test
    void centralDifferenceIsAccurateOnSine(TestReporter reporter) {
        double[] xs = {0.8, -1.3, 2.5};
        double h = 1e-4;
        for (double x : xs) {
            double actual = ChainRule.centralDifference(Math::sin, x, h);
            diagnoseOneSidedDifference(reporter, Math::sin, x, h, actual);
            double expected = Math.cos(x);
            assertEquals(expected, actual, 1e-8,
                    "centralDifference of sin at x = " + x + " with h = 1e-4: expected cos(x) = " + expected
                            + " within 1e-8 (central error ~ h^2/6), got " + actual);
        }
    }

    @Test
    void centralDifferenceUsesTheGivenStep(TestReporter reporter) {
        DoubleUnaryOperator cubic = x -> x * x * x; // central difference = 3x^2 + h^2 exactly
        double actual = ChainRule.centralDifference(cubic, 1.0, 0.1);
        diagnoseOneSidedDifference(reporter, cubic, 1.0, 0.1, actual);
        assertEquals(3.01, actual, 1e-12, "centralDifference of x^3 at x = 1 with h = 0.1: expected "
                + "(1.1^3 - 0.9^3) / 0.2 = 3.01, got " + actual + " — use the step h you are given");
    }

    /** Names a forward or backward difference when the student's estimate is exactly one of them. */
    private static void diagnoseOneSidedDifference(TestReporter reporter, DoubleUnaryOperator f, double x, double h,
                                                   double actual) {
        double forward = (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
        double backward = (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
        double central = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2.0 * h);
        boolean oneSided = close(actual, forward, 1e-12) || close(actual, backward, 1e-12);
        if (oneSided && !close(actual, central, 1e-12)) {
            Verdicts.diagnose(reporter, "forward-difference", "centralDifference at x = " + x + ", h = " + h
                    + " returned the one-sided difference " + actual + ": use (f(x + h) - f(x - h)) / (2h), "
                    + "whose error shrinks like h^2 instead of h");
        }
    }

    private static boolean close(double a, double b, double relative) {
        return Math.abs(a - b) <= relative * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean allClose(double[] a, double[] b, double relative) {
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i], relative)) {
                return false;
            }
        }
        return true;
    }

    private static double[] apply(DoubleUnaryOperator f, double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.applyAsDouble(xs[i]);
        }
        return out;
    }

    private static double[][] row(double... values) {
        return new double[][] {values.clone()};
    }

    private static String list(double[] xs) {
        StringBuilder text = new StringBuilder();
        for (double x : xs) {
            text.append(text.length() == 0 ? "" : ", ").append(format(x));
        }
        return text.toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("\\.?0+(?=e|$)", "");
    }
}
