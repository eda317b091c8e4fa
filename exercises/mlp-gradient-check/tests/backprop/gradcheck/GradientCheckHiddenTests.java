package backprop.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.linalg.Matrix;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.Verdicts;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of {@link GradientCheck} (exercise {@code mlp-gradient-check}). Every expected gradient is a closed
 * form; every expected relative error is computed here from the definition.
 */
class GradientCheckHiddenTests {

    private static final Matrix QUADRATIC_A = Matrix.of(new double[][] {{1.5, -2.0}, {0.5, 3.0}, {-1.0, 2.5}});
    private static final Matrix QUADRATIC_B = Matrix.of(new double[][] {{0.3, 1.0}, {-0.7, 0.0}, {2.0, -1.1}});

    @Test
    void numericalGradientIsExactOnAQuadratic(TestReporter reporter) {
        // f(X) = sum A .* X .* X + B .* X, so df/dX = 2 A .* X + B; a central difference has no h-error here.
        ToDoubleFunction<Matrix> f = m -> m.hadamard(m).hadamard(QUADRATIC_A).sum() + m.hadamard(QUADRATIC_B).sum();
        Matrix x = Matrix.of(new double[][] {{0.4, -1.2}, {2.0, 0.7}, {-0.3, 1.1}});
        double h = 1e-3;
        Matrix expected = x.hadamard(QUADRATIC_A).scale(2.0).plus(QUADRATIC_B);
        Matrix actual = GradientCheck.numericalGradient(f, x, h);
        diagnoseOneSidedDifference(reporter, f, x, h, actual);
        Verdicts.publish(reporter, Gradients.check("numericalGradient of sum(A.*X.*X + B.*X), h = 1e-3",
                actual.toArray(), expected.toArray()));
    }

    @Test
    void numericalGradientOfACubicPassesTheBarWithALargeStep(TestReporter reporter) {
        // f(X) = sum X^3: the central difference is 3x^2 + h^2 (relative error ~1e-7 for h = 1e-3),
        // a forward difference is 3x^2 + 3xh + h^2 (relative error ~1e-3): only the central one passes 1e-5.
        ToDoubleFunction<Matrix> f = m -> m.hadamard(m).hadamard(m).sum();
        Matrix x = Matrix.of(new double[][] {{1.0, -2.0, 0.5}, {1.5, 0.8, -1.2}});
        double h = 1e-3;
        Matrix expected = x.hadamard(x).scale(3.0);
        Matrix actual = GradientCheck.numericalGradient(f, x, h);
        diagnoseOneSidedDifference(reporter, f, x, h, actual);
        Verdicts.publish(reporter, Gradients.check("numericalGradient of sum(X^3), h = 1e-3",
                actual.toArray(), expected.toArray()));
    }

    @Test
    void numericalGradientCoversEveryEntryOfANonSquareInput(TestReporter reporter) {
        Matrix c = Matrix.of(new double[][] {{1.0, -2.0, 0.5, 3.0, -0.25}, {0.75, 1.5, -1.0, 2.0, -3.0}});
        Matrix x = Matrix.of(new double[][] {{0.1, -0.4, 1.3, 2.2, -0.9}, {0.6, -1.7, 0.0, 0.35, 1.05}});
        ToDoubleFunction<Matrix> f = m -> m.map(Math::sin).hadamard(c).sum();
        Matrix expected = x.map(Math::cos).hadamard(c);
        Matrix before = Matrix.of(x.toArray());
        Matrix actual = GradientCheck.numericalGradient(f, x, 1e-5);
        assertEquals(before, x, "numericalGradient must not change its input x");
        Verdicts.publish(reporter, Gradients.check("numericalGradient of sum(C.*sin(X)) on a 2x5 X",
                actual.toArray(), expected.toArray()));
    }

    @Test
    void relativeErrorFollowsTheFormula() {
        Matrix a = Matrix.of(new double[][] {{1.0, 2.0}, {3.0, 4.0}, {-0.5, 0.25}});
        Matrix n = Matrix.of(new double[][] {{1.1, 2.0}, {3.0, 3.9}, {-0.5, 0.2}});
        assertRelativeError(frobenius(minus(a, n)) / (frobenius(a) + frobenius(n)), a, n, "a 3x2 pair of close gradients");
        assertRelativeError(1.0, a, a.scale(-1.0), "a and -a (opposite gradients)");
        assertRelativeError(1.0, a, Matrix.zeros(3, 2), "a and a zero matrix");
        assertRelativeError(0.0, a, a, "a matrix and itself");
        Matrix tiny = Matrix.rowVector(3e-9, -4e-9);
        Matrix tinyOther = Matrix.rowVector(3e-9, -5e-9);
        assertRelativeError(1e-9 / (5e-9 + Math.sqrt(34) * 1e-9), tiny, tinyOther,
                "two tiny gradients (the error is relative, not absolute)");
    }

    @Test
    void relativeErrorOfTwoZeroMatricesIsZero(TestReporter reporter) {
        for (int[] shape : new int[][] {{2, 3}, {1, 1}}) {
            double actual = GradientCheck.relativeError(Matrix.zeros(shape[0], shape[1]), Matrix.zeros(shape[0], shape[1]));
            if (Double.isNaN(actual)) {
                Verdicts.diagnose(reporter, "missing-zero-guard", "relativeError of two all-zero " + shape[0] + "x"
                        + shape[1] + " matrices returned NaN (0/0): return 0 when ||a|| + ||n|| is 0 — two zero "
                        + "gradients agree perfectly");
            }
            if (actual != 0.0) {
                fail("relativeError(zeros " + shape[0] + "x" + shape[1] + ", zeros " + shape[0] + "x" + shape[1]
                        + "): expected 0 (both gradients are zero, they agree), got " + actual);
            }
        }
    }

    @Test
    void relativeErrorRejectsAShapeMismatch() {
        Matrix a = Matrix.random(2, 3, 1.0, new Random(7));
        assertEquals(0.0, GradientCheck.relativeError(a, a), 1e-15, "relativeError of a matrix and itself");
        assertMismatchRejected(a, a.transpose(), "2x3 and 3x2");
        assertMismatchRejected(a, Matrix.rowVector(1.0, 2.0, 3.0), "2x3 and 1x3 (Matrix.minus would broadcast it)");
        assertMismatchRejected(Matrix.zeros(1, 4), Matrix.zeros(4, 1), "1x4 and 4x1 zero matrices");
    }

    private static void assertMismatchRejected(Matrix a, Matrix n, String shapes) {
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.relativeError(a, n),
                "relativeError of " + shapes + " must throw IllegalArgumentException naming both shapes: gradients of "
                        + "different shapes cannot be compared");
    }

    private static void assertRelativeError(double expected, Matrix a, Matrix n, String what) {
        double actual = GradientCheck.relativeError(a, n);
        assertEquals(expected, actual, 1e-12 * Math.max(1.0, expected),
                "relativeError of " + what + ": expected ||a - n|| / (||a|| + ||n||) = " + expected + ", got " + actual);
    }

    /** Names a one-sided difference when the student's gradient is exactly the forward or backward difference. */
    private static void diagnoseOneSidedDifference(TestReporter reporter, ToDoubleFunction<Matrix> f, Matrix x, double h,
                                                   Matrix actual) {
        if (actual.rows() != x.rows() || actual.cols() != x.cols()) {
            return;
        }
        double[][] central = new double[x.rows()][x.cols()];
        double[][] forward = new double[x.rows()][x.cols()];
        double[][] backward = new double[x.rows()][x.cols()];
        double at = f.applyAsDouble(x);
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                double v = x.get(r, c);
                double up = f.applyAsDouble(x.with(r, c, v + h));
                double down = f.applyAsDouble(x.with(r, c, v - h));
                central[r][c] = (up - down) / (2.0 * h);
                forward[r][c] = (up - at) / h;
                backward[r][c] = (at - down) / h;
            }
        }
        double[][] a = actual.toArray();
        boolean oneSided = Gradients.relativeError(a, forward) < 1e-9 || Gradients.relativeError(a, backward) < 1e-9;
        if (oneSided && Gradients.relativeError(a, central) > 1e-9) {
            Verdicts.diagnose(reporter, "forward-difference", "numericalGradient with h = " + h + " returned the "
                    + "one-sided difference (f(x + h e) - f(x)) / h: use (f(x + h e) - f(x - h e)) / (2h), whose error "
                    + "shrinks like h^2 instead of h");
        }
    }

    private static double frobenius(Matrix m) {
        double sum = 0.0;
        for (double[] row : m.toArray()) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    private static Matrix minus(Matrix a, Matrix b) {
        double[][] out = a.toArray();
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] -= b.get(r, c);
            }
        }
        return Matrix.of(out);
    }
}
