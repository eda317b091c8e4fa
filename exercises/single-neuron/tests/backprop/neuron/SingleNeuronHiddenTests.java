package backprop.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code single-neuron}: {@code a = sigmoid(w x + b)}, {@code L = (a - y)^2}.
 *
 * <p>Expected values come from the reference numbers of the statement and from a test-private reference
 * implementation ({@link Reference}); the numerical check differentiates a loss this class computes itself, never the
 * student's. Each gradient ({@code dL/dw}, {@code dL/db}) is graded on its own for partial credit.
 */
class SingleNeuronHiddenTests {

    private static final double REFERENCE_A = 0.6456563062257954;
    private static final double REFERENCE_LOSS = 0.023821975807865457;
    private static final double REFERENCE_GRADIENT = -0.07062280949881264;
    private static final double REFERENCE_DW_AT_2 = -0.03727903209;
    private static final double REFERENCE_DB_AT_2 = -0.01863951605;

    /** One evaluation point: neuron parameters, input and target. */
    private record Point(double w, double b, double x, double y) {
        double z() {
            return w * x + b;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "(w=%s, b=%s, x=%s, y=%s)", w, b, x, y);
        }
    }

    /** Test-private reference implementation, independent of the student's code. */
    private static final class Reference {
        static double sigmoid(double z) {
            if (z >= 0.0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }

        static double loss(double w, double b, double x, double y) {
            double error = sigmoid(w * x + b) - y;
            return error * error;
        }

        /** dL/dz = 2 (a - y) a (1 - a). */
        static double dz(Point p) {
            double a = sigmoid(p.z());
            return 2.0 * (a - p.y) * a * (1.0 - a);
        }

        /** What taking sigmoid' at the activation gives: 2 (a - y) sigmoid(a) (1 - sigmoid(a)). */
        static double dzWithDerivativeAtActivation(Point p) {
            double a = sigmoid(p.z());
            double s = sigmoid(a);
            return 2.0 * (a - p.y) * s * (1.0 - s);
        }
    }

    private static final Point[] GRID = {
        new Point(0.5, 0.1, 1.0, 0.8),
        new Point(0.5, 0.1, 2.0, 0.8),
        new Point(-1.2, 0.4, 0.7, 0.0),
        new Point(2.0, -0.5, -1.5, 1.0),
        new Point(0.3, 1.5, 3.0, 0.25),
        new Point(-0.8, -0.2, -2.5, 0.9),
    };

    @Test
    void forwardMatchesTheReferenceValues() {
        double a = new SingleNeuron(0.5, 0.1).forward(1.0);
        assertEquals(REFERENCE_A, a, 1e-12,
                "forward(1.0) with w=0.5, b=0.1: z = 0.6, expected sigmoid(0.6) = " + REFERENCE_A + ", got " + a);
        for (Point p : GRID) {
            double expected = Reference.sigmoid(p.z());
            double actual = new SingleNeuron(p.w, p.b).forward(p.x);
            assertEquals(expected, actual, 1e-12, "forward at " + p + ": expected sigmoid(" + p.z() + ") = " + expected
                    + ", got " + actual);
        }
    }

    @Test
    void lossMatchesTheReferenceValues() {
        double loss = new SingleNeuron(0.5, 0.1).loss(1.0, 0.8);
        assertEquals(REFERENCE_LOSS, loss, 1e-12,
                "loss(1.0, 0.8) with w=0.5, b=0.1: expected (a - y)^2 = " + REFERENCE_LOSS + ", got " + loss);
        for (Point p : GRID) {
            double expected = Reference.loss(p.w, p.b, p.x, p.y);
            double actual = new SingleNeuron(p.w, p.b).loss(p.x, p.y);
            assertEquals(expected, actual, 1e-12, "loss at " + p + ": expected " + expected + ", got " + actual);
        }
    }

    @Test
    void backwardMatchesTheReferenceValues(TestReporter reporter) {
        Point p = GRID[0];
        NeuronGradients g = new SingleNeuron(p.w, p.b).backward(p.x, p.y);
        gradeAgainstReference(reporter, new Point[] {p}, new NeuronGradients[] {g},
                " at w=0.5, b=0.1, x=1.0, y=0.8");
        assertEquals(REFERENCE_GRADIENT, g.dw(), 1e-12, "dL/dw at the reference point");
        assertEquals(REFERENCE_GRADIENT, g.db(), 1e-12, "dL/db at the reference point");
    }

    @Test
    void backwardMultipliesByTheInput(TestReporter reporter) {
        Point[] points = {GRID[1], new Point(0.5, 0.1, -1.5, 0.8), new Point(0.5, 0.1, 0.7, 0.8),
            new Point(0.5, 0.1, 3.0, 0.8)};
        NeuronGradients[] actual = backwardAll(points);
        gradeAgainstReference(reporter, points, actual, " at x = 2.0, -1.5, 0.7, 3.0 with w=0.5, b=0.1, y=0.8");
        assertEquals(REFERENCE_DW_AT_2, actual[0].dw(), 5e-11, "dL/dw at x=2.0: expected " + REFERENCE_DW_AT_2 + ", got "
                + actual[0].dw() + " — did you forget the factor x?");
        assertEquals(REFERENCE_DB_AT_2, actual[0].db(), 5e-11, "dL/db at x=2.0: expected " + REFERENCE_DB_AT_2 + ", got "
                + actual[0].db());
    }

    @Test
    void backwardTakesTheSigmoidDerivativeAtThePreActivation(TestReporter reporter) {
        Point[] points = Arrays.copyOfRange(GRID, 2, GRID.length);
        StringBuilder zs = new StringBuilder();
        for (Point p : points) {
            zs.append(zs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", p.z()));
        }
        gradeAgainstReference(reporter, points, backwardAll(points), " at z = " + zs);
    }

    @Test
    void forwardIsFiniteForLargePreActivations() {
        for (Point p : extremePoints()) {
            double a = new SingleNeuron(p.w, p.b).forward(p.x);
            double expected = Reference.sigmoid(p.z());
            assertTrue(Double.isFinite(a), () -> "forward at z = " + p.z() + " " + p + ": expected " + expected
                    + ", got " + a + " — sigmoid must not overflow: for z < 0 use e^z / (1 + e^z)");
            assertEquals(expected, a, 1e-12, "forward at z = " + p.z() + " " + p);
        }
    }

    @Test
    void backwardIsFiniteForLargePreActivations(TestReporter reporter) {
        Point[] points = extremePoints();
        NeuronGradients[] actual = backwardAll(points);
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            NeuronGradients g = actual[i];
            if (!Double.isFinite(g.dw()) || !Double.isFinite(g.db())) {
                Verdicts.diagnose(reporter, "non-finite", "backward at z = " + p.z() + " " + p + " returned dL/dw = "
                        + g.dw() + ", dL/db = " + g.db() + ": write sigmoid'(z) as a (1 - a) with the stable a = "
                        + "sigmoid(z); a form like e^-z / (1 + e^-z)^2 gives infinity / infinity = NaN for z = -1000");
                break;
            }
        }
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            double expectedDb = Reference.dz(p);
            double expectedDw = expectedDb * p.x;
            // Absolute tolerance: near saturation the true gradients are rounding-sized, and any accurate form is fine.
            assertEquals(expectedDw, actual[i].dw(), 1e-12 + 1e-9 * Math.abs(expectedDw), "dL/dw at z = " + p.z() + " " + p
                    + ": expected " + expectedDw + " (sigmoid saturates, so its derivative is ~0), got " + actual[i].dw());
            assertEquals(expectedDb, actual[i].db(), 1e-12 + 1e-9 * Math.abs(expectedDb), "dL/db at z = " + p.z() + " " + p
                    + ": expected " + expectedDb + ", got " + actual[i].db());
        }
    }

    @Test
    void backwardAgreesWithCentralDifferencesOfTheLoss(TestReporter reporter) {
        NeuronGradients[] actual = backwardAll(GRID);
        double[] dw = new double[GRID.length];
        double[] db = new double[GRID.length];
        double[] numericalDw = new double[GRID.length];
        double[] numericalDb = new double[GRID.length];
        for (int i = 0; i < GRID.length; i++) {
            Point p = GRID[i];
            dw[i] = actual[i].dw();
            db[i] = actual[i].db();
            numericalDw[i] = Gradients.numerical(w -> Reference.loss(w, p.b, p.x, p.y), p.w);
            numericalDb[i] = Gradients.numerical(b -> Reference.loss(p.w, b, p.x, p.y), p.b);
        }
        diagnoseKnownSlips(reporter, GRID, actual);
        Verdicts.publish(reporter,
                Gradients.check("dL/dw at " + GRID.length + " points (vs central differences)", row(dw), row(numericalDw)),
                Gradients.check("dL/db at " + GRID.length + " points (vs central differences)", row(db), row(numericalDb)));
    }

    /** Grades dL/dw and dL/db (each on its own) against the reference implementation, naming known slips first. */
    private static void gradeAgainstReference(TestReporter reporter, Point[] points, NeuronGradients[] actual,
                                              String where) {
        double[] dw = new double[points.length];
        double[] db = new double[points.length];
        double[] expectedDw = new double[points.length];
        double[] expectedDb = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            dw[i] = actual[i].dw();
            db[i] = actual[i].db();
            expectedDb[i] = Reference.dz(points[i]);
            expectedDw[i] = expectedDb[i] * points[i].x;
        }
        diagnoseKnownSlips(reporter, points, actual);
        TensorCheck checkDw = Gradients.check("dL/dw" + where, row(dw), row(expectedDw));
        TensorCheck checkDb = Gradients.check("dL/db" + where, row(db), row(expectedDb));
        Verdicts.publish(reporter, checkDw, checkDb);
    }

    /** Diagnoses the two neuron-specific mistakes that a scale fit cannot name. */
    private static void diagnoseKnownSlips(TestReporter reporter, Point[] points, NeuronGradients[] actual) {
        boolean inputMatters = false;
        boolean inputFactorMissing = true;
        boolean derivativeAtActivation = true;
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            double dz = Reference.dz(p);
            if (!close(dz * p.x, dz)) {
                inputMatters = true;
                inputFactorMissing &= close(actual[i].dw(), dz);
            }
            derivativeAtActivation &= close(actual[i].db(), Reference.dzWithDerivativeAtActivation(p));
        }
        if (inputMatters && inputFactorMissing) {
            Point p = firstWithInputFactor(points);
            Verdicts.diagnose(reporter, "missing-input-factor", String.format(Locale.ROOT,
                    "dL/dw at x=%s: expected %.11g, got %.11g — did you forget the factor x? dz/dw = x, so "
                            + "dL/dw = dL/dz · x while dL/db = dL/dz · 1", p.x, Reference.dz(p) * p.x, Reference.dz(p)));
        }
        if (derivativeAtActivation) {
            Verdicts.diagnose(reporter, "sigmoid-derivative-at-activation", "dL/db equals 2 (a - y) · sigmoid'(a): "
                    + "the sigmoid derivative must be taken at the pre-activation z, sigmoid'(z) = a (1 - a), "
                    + "not at the activation a");
        }
    }

    private static Point firstWithInputFactor(Point[] points) {
        for (Point p : points) {
            if (p.x != 1.0) {
                return p;
            }
        }
        return points[0];
    }

    /** Pre-activations large enough to overflow a naive exp, and moderately large ones with tiny gradients. */
    private static Point[] extremePoints() {
        return new Point[] {
            new Point(500.0, 0.0, 2.0, 0.3),
            new Point(-500.0, 0.0, 2.0, 0.3),
            new Point(1.0, 708.0, 2.0, 0.6),
            new Point(-1.0, -708.0, 2.0, 0.6),
            new Point(20.0, 0.0, 2.0, 0.5),
            new Point(-20.0, 0.0, 2.0, 0.5),
        };
    }

    private static NeuronGradients[] backwardAll(Point[] points) {
        NeuronGradients[] out = new NeuronGradients[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = new SingleNeuron(points[i].w, points[i].b).backward(points[i].x, points[i].y);
        }
        return out;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;
    }

    private static double[][] row(double... values) {
        return new double[][] {values.clone()};
    }
}
