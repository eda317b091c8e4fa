package backprop.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.linalg.Matrix;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Tolerances;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of {@link Mlp} (exercise {@code mlp-gradient-check}).
 *
 * <p>Every expected value comes from this class: a test-private reference implementation ({@link Reference}) and
 * central differences (toolkit) of a loss the reference computes. Networks are seeded and vary in shape (4-8-2, the
 * seed's shape; 3-5-4; square and non-square layers) and batch size (1, 5, 7). Each gradient tensor is graded on its
 * own, so a correct dW2 earns its share even when dW1 is wrong.
 */
class MlpHiddenTests {

    /** A seeded network with a batch of inputs and one-hot targets. */
    private record Net(String label, Matrix w1, Matrix b1, Matrix w2, Matrix b2, Matrix x, Matrix y) {

        static Net random(int in, int hidden, int out, int batch, long seed) {
            Random rng = new Random(seed);
            Matrix w1 = Matrix.random(in, hidden, 0.6, rng);
            Matrix b1 = Matrix.random(1, hidden, 0.2, rng);
            Matrix w2 = Matrix.random(hidden, out, 0.6, rng);
            Matrix b2 = Matrix.random(1, out, 0.2, rng);
            Matrix x = Matrix.random(batch, in, 1.0, rng);
            double[][] y = new double[batch][out];
            for (double[] row : y) {
                row[rng.nextInt(out)] = 1.0;
            }
            String label = "net " + in + "-" + hidden + "-" + out + ", batch " + batch;
            return new Net(label, w1, b1, w2, b2, x, Matrix.of(y));
        }

        int batch() {
            return x.rows();
        }

        Mlp student() {
            return new Mlp(w1, b1, w2, b2);
        }

        Net withW2(Matrix newW2, String newLabel) {
            return new Net(newLabel, w1, b1, newW2, b2, x, y);
        }
    }

    /** Test-private reference implementation: forward, summed cross-entropy and backward, from the statement. */
    private static final class Reference {

        /** z1, a1, z2, yPred. */
        static Matrix[] forward(Net n) {
            Matrix z1 = n.x.matmul(n.w1).plus(n.b1);
            Matrix a1 = z1.map(v -> Math.max(0.0, v));
            Matrix z2 = a1.matmul(n.w2).plus(n.b2);
            double[][] p = z2.toArray();
            for (double[] row : p) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : row) {
                    max = Math.max(max, v);
                }
                double sum = 0.0;
                for (int c = 0; c < row.length; c++) {
                    row[c] = Math.exp(row[c] - max);
                    sum += row[c];
                }
                for (int c = 0; c < row.length; c++) {
                    row[c] /= sum;
                }
            }
            return new Matrix[] {z1, a1, z2, Matrix.of(p)};
        }

        /** -sum y log softmax(z2), through the log-sum-exp so it is accurate for any logits. */
        static double loss(Net n) {
            Matrix z2 = forward(n)[2];
            double total = 0.0;
            for (int r = 0; r < z2.rows(); r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < z2.cols(); c++) {
                    max = Math.max(max, z2.get(r, c));
                }
                double sum = 0.0;
                for (int c = 0; c < z2.cols(); c++) {
                    sum += Math.exp(z2.get(r, c) - max);
                }
                double logSum = max + Math.log(sum);
                for (int c = 0; c < z2.cols(); c++) {
                    total -= n.y.get(r, c) * (z2.get(r, c) - logSum);
                }
            }
            return total;
        }

        /** dW1, db1, dW2, db2; {@code reluMask = false} gives what a backward pass without the ReLU mask returns. */
        static Matrix[] gradients(Net n, boolean reluMask) {
            Matrix[] f = forward(n);
            Matrix dz2 = f[3].minus(n.y);
            Matrix dW2 = f[1].transpose().matmul(dz2);
            Matrix db2 = dz2.sumRows();
            Matrix da1 = dz2.matmul(n.w2.transpose());
            Matrix dz1 = reluMask ? da1.hadamard(f[0].map(v -> v > 0.0 ? 1.0 : 0.0)) : da1;
            return new Matrix[] {n.x.transpose().matmul(dz1), dz1.sumRows(), dW2, db2};
        }

        /** Central differences (toolkit) of {@link #loss} with respect to each parameter. */
        static double[][][] numericalGradients(Net n) {
            return new double[][][] {
                Gradients.numerical(p -> loss(new Net(n.label, Matrix.of(p), n.b1, n.w2, n.b2, n.x, n.y)), n.w1.toArray()),
                Gradients.numerical(p -> loss(new Net(n.label, n.w1, Matrix.of(p), n.w2, n.b2, n.x, n.y)), n.b1.toArray()),
                Gradients.numerical(p -> loss(new Net(n.label, n.w1, n.b1, Matrix.of(p), n.b2, n.x, n.y)), n.w2.toArray()),
                Gradients.numerical(p -> loss(new Net(n.label, n.w1, n.b1, n.w2, Matrix.of(p), n.x, n.y)), n.b2.toArray()),
            };
        }
    }

    private static final String[] GRADIENT_NAMES = {"dW1", "db1", "dW2", "db2"};
    private static final String[] FORWARD_NAMES = {"z1", "a1", "z2", "yPred"};

    private static final Net SEED_SHAPE_BATCH_5 = Net.random(4, 8, 2, 5, 20240505L);
    private static final Net SEED_SHAPE_BATCH_1 = Net.random(4, 8, 2, 1, 20240502L);
    private static final Net NON_SQUARE_BATCH_7 = Net.random(3, 5, 4, 7, 20240503L);

    @Test
    void constructorRejectsMismatchedShapes() {
        Matrix w1 = Matrix.zeros(4, 8);
        Matrix b1 = Matrix.zeros(1, 8);
        Matrix w2 = Matrix.zeros(8, 2);
        Matrix b2 = Matrix.zeros(1, 2);
        new Mlp(w1, b1, w2, b2);
        assertRejected(w1, Matrix.zeros(1, 7), w2, b2, "b1 must be 1 x W1.cols = 1x8");
        assertRejected(w1, Matrix.zeros(2, 8), w2, b2, "b1 must be a single row (1x8), one bias per hidden unit");
        assertRejected(w1, b1, Matrix.zeros(7, 2), b2, "W2 must have W1.cols = 8 rows");
        assertRejected(w1, b1, w2, Matrix.zeros(1, 3), "b2 must be 1 x W2.cols = 1x2");
        assertRejected(w1, b1, w2, Matrix.zeros(2, 2), "b2 must be a single row (1x2)");
    }

    @Test
    void forwardMatchesTheReference(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Net n : new Net[] {SEED_SHAPE_BATCH_5, NON_SQUARE_BATCH_7}) {
            MlpCache cache = n.student().forward(n.x);
            Matrix[] actual = {cache.z1(), cache.a1(), cache.z2(), cache.yPred()};
            Matrix[] expected = Reference.forward(n);
            for (int i = 0; i < actual.length; i++) {
                checks.add(Gradients.check(FORWARD_NAMES[i] + " (" + n.label + ")", actual[i].toArray(),
                        expected[i].toArray(), n.batch()));
            }
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void forwardAndBackwardAreFiniteForLargeLogits(TestReporter reporter) {
        Net n = SEED_SHAPE_BATCH_5.withW2(SEED_SHAPE_BATCH_5.w2.scale(3000.0),
                "net 4-8-2, batch 5, logits ~1e3");
        Matrix[] expected = Reference.forward(n);
        assertTrue(maxAbs(expected[2]) > 1000.0, "test setup: the logits must be large enough to overflow exp");
        MlpCache cache = n.student().forward(n.x);
        if (!allFinite(cache.yPred())) {
            Verdicts.diagnose(reporter, "unstable-softmax", "yPred has NaN or infinite entries for logits up to "
                    + Math.round(maxAbs(expected[2])) + ": exp overflows above 709 — subtract each row's maximum "
                    + "logit before exp (softmax is unchanged by the shift)");
        }
        MlpGradients g = n.student().backward(n.x, n.y, cache);
        Matrix[] gradients = {g.dW1(), g.db1(), g.dW2(), g.db2()};
        Matrix[] expectedGradients = Reference.gradients(n, true);
        List<TensorCheck> checks = new ArrayList<>();
        checks.add(Gradients.check("yPred (" + n.label + ")", cache.yPred().toArray(), expected[3].toArray(), n.batch()));
        for (int i = 0; i < gradients.length; i++) {
            checks.add(Gradients.check(GRADIENT_NAMES[i] + " (" + n.label + ")", gradients[i].toArray(),
                    expectedGradients[i].toArray(), n.batch()));
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    /**
     * Bar on the loss's relative error, the course's bar: passes an epsilon up to 1e-7 inside the log (up to 1.5e-6
     * on these nets, whose smallest probabilities are near 1e-2) and any summation order (about 1e-15); a mean instead
     * of a sum, or a missing term, is off by far more.
     */
    private static final double LOSS_BAR = Gradients.PASS_BAR;

    @Test
    void lossIsTheSumOfCrossEntropyOverTheBatch(TestReporter reporter) {
        for (Net n : new Net[] {SEED_SHAPE_BATCH_1, SEED_SHAPE_BATCH_5, NON_SQUARE_BATCH_7}) {
            double expected = Reference.loss(n);
            double actual = n.student().loss(n.x, n.y);
            if (n.batch() > 1 && Math.abs(actual * n.batch() - expected) <= 1e-9 * Math.abs(expected)) {
                Verdicts.diagnose(reporter, "batch-mean", "loss (" + n.label + ") is the MEAN cross-entropy " + actual
                        + "; the course's loss is the SUM over the batch, " + expected);
            }
            Tolerances.assertClose("loss (" + n.label + "), the summed cross-entropy -sum y log yPred", actual,
                    expected, LOSS_BAR);
        }
    }

    @Test
    void gradientsMatchCentralDifferencesForTheSeedShapeWithBatch5(TestReporter reporter) {
        gradeAgainstCentralDifferences(reporter, SEED_SHAPE_BATCH_5);
    }

    @Test
    void gradientsMatchCentralDifferencesForBatch1(TestReporter reporter) {
        gradeAgainstCentralDifferences(reporter, SEED_SHAPE_BATCH_1);
    }

    @Test
    void gradientsMatchCentralDifferencesForANonSquareNetWithBatch7(TestReporter reporter) {
        gradeAgainstCentralDifferences(reporter, NON_SQUARE_BATCH_7);
    }

    @Test
    void gradientsMatchTheReferenceImplementation(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        Net[] nets = {Net.random(4, 8, 2, 7, 31L), Net.random(6, 3, 3, 4, 32L), Net.random(2, 9, 5, 3, 33L),
            Net.random(4, 4, 4, 6, 34L)};
        for (Net n : nets) {
            Matrix[] actual = studentGradients(n);
            diagnoseMissingReluMask(reporter, n, actual);
            Matrix[] expected = Reference.gradients(n, true);
            for (int i = 0; i < actual.length; i++) {
                checks.add(Gradients.check(GRADIENT_NAMES[i] + " (" + n.label + ")", actual[i].toArray(),
                        expected[i].toArray(), n.batch()));
            }
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void gradientsHaveTheShapesOfTheirParameters(TestReporter reporter) {
        Net n = NON_SQUARE_BATCH_7;
        Matrix[] actual = studentGradients(n);
        Matrix[] parameters = {n.w1, n.b1, n.w2, n.b2};
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < actual.length; i++) {
            Matrix a = actual[i];
            Matrix p = parameters[i];
            if (a.rows() == p.rows() && a.cols() == p.cols()) {
                continue;
            }
            String found = GRADIENT_NAMES[i] + " has shape " + shape(a) + " but its parameter is " + shape(p);
            if (p.rows() == 1 && a.rows() == n.batch() && a.cols() == p.cols()) {
                Verdicts.diagnose(reporter, "missing-batch-sum", found + ": a bias is shared by all " + n.batch()
                        + " rows of the batch, so its gradient is the SUM of the per-row gradients (sumRows)");
            } else if (a.rows() == p.cols() && a.cols() == p.rows()) {
                Verdicts.diagnose(reporter, "transposed", found + ": for z = a W the weight gradient is a^T dz "
                        + "(inputs transposed on the left), which has the shape of W");
            }
            wrong.append(wrong.length() == 0 ? "" : "; ").append(found);
        }
        if (wrong.length() > 0) {
            fail("gradient shapes (" + n.label + "): " + wrong + " — every gradient must have its parameter's shape");
        }
    }

    @Test
    void backwardChangesNeitherItsInputsNorTheNetwork(TestReporter reporter) {
        Net n = NON_SQUARE_BATCH_7;
        Mlp mlp = n.student();
        MlpCache cache = mlp.forward(n.x);
        double[][][] before = arrays(n.x, n.y, cache.z1(), cache.a1(), cache.z2(), cache.yPred(), mlp.w1(), mlp.b1(),
                mlp.w2(), mlp.b2());
        mlp.backward(n.x, n.y, cache);
        double[][][] after = arrays(n.x, n.y, cache.z1(), cache.a1(), cache.z2(), cache.yPred(), mlp.w1(), mlp.b1(),
                mlp.w2(), mlp.b2());
        String[] names = {"x", "yTrue", "cache.z1", "cache.a1", "cache.z2", "cache.yPred", "W1", "b1", "W2", "b2"};
        List<TensorCheck> checks = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            checks.add(Gradients.checkUnchanged(names[i], before[i], after[i]));
        }
        requireEvery(reporter, checks, "backward (" + n.label + ") must leave its inputs, the cache and the network's "
                + "parameters as they were");
    }

    @Test
    void backwardTwiceGivesTheSameResult(TestReporter reporter) {
        Net n = SEED_SHAPE_BATCH_5;
        Mlp mlp = n.student();
        MlpCache cache = mlp.forward(n.x);
        MlpGradients first = mlp.backward(n.x, n.y, cache);
        MlpGradients second = mlp.backward(n.x, n.y, cache);
        double[][][] a = arrays(first.dW1(), first.db1(), first.dW2(), first.db2());
        double[][][] b = arrays(second.dW1(), second.db1(), second.dW2(), second.db2());
        List<TensorCheck> checks = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            checks.add(Gradients.checkRepeatable(GRADIENT_NAMES[i], a[i], b[i]));
        }
        requireEvery(reporter, checks, "two backward calls with the same cache (" + n.label + ") must give the same "
                + "gradients: backward must not keep or change state between calls");
    }

    /**
     * All or nothing, for a behaviour that holds or not: publishes the diagnoses of the failed checks (no credit and
     * no {@code wrong-tensors}, which speaks of gradient values) and fails with one line per failed check.
     */
    private static void requireEvery(TestReporter reporter, List<TensorCheck> checks, String rule) {
        TensorCheck[] all = checks.toArray(TensorCheck[]::new);
        String failures = Verdicts.failureMessage(all);
        if (failures.isEmpty()) {
            return;
        }
        checks.forEach(check -> check.diagnoses().forEach(finding -> Verdicts.diagnose(reporter, finding)));
        fail(rule + ":\n" + failures);
    }

    /** Grades each tensor against central differences of the reference loss. */
    private static void gradeAgainstCentralDifferences(TestReporter reporter, Net n) {
        assertTrue(minAbs(Reference.forward(n)[0]) > 1e-3, "test setup: no hidden pre-activation may lie within a "
                + "step of the ReLU kink, where central differences are not a derivative");
        Matrix[] actual = studentGradients(n);
        diagnoseMissingReluMask(reporter, n, actual);
        double[][][] numerical = Reference.numericalGradients(n);
        TensorCheck[] checks = new TensorCheck[actual.length];
        for (int i = 0; i < actual.length; i++) {
            checks[i] = Gradients.check(GRADIENT_NAMES[i] + " (" + n.label + ", vs central differences)",
                    actual[i].toArray(), numerical[i], n.batch());
        }
        Verdicts.errorChart("Relative error of each gradient against central differences (" + n.label + ")", checks)
                .publish(reporter);
        Verdicts.publish(reporter, checks);
    }

    private static Matrix[] studentGradients(Net n) {
        Mlp mlp = n.student();
        MlpGradients g = mlp.backward(n.x, n.y, mlp.forward(n.x));
        return new Matrix[] {g.dW1(), g.db1(), g.dW2(), g.db2()};
    }

    /** Names a backward pass that skips the ReLU derivative: its dW1 and db1 equal the unmasked reference. */
    private static void diagnoseMissingReluMask(TestReporter reporter, Net n, Matrix[] actual) {
        Matrix[] masked = Reference.gradients(n, true);
        Matrix[] unmasked = Reference.gradients(n, false);
        for (int i = 0; i < 2; i++) {
            if (!sameShape(actual[i], unmasked[i])
                    || Gradients.relativeError(actual[i].toArray(), unmasked[i].toArray()) > 1e-9
                    || Gradients.relativeError(actual[i].toArray(), masked[i].toArray()) < Gradients.PASS_BAR) {
                return;
            }
        }
        Verdicts.diagnose(reporter, "missing-relu-mask", "dW1 and db1 (" + n.label + ") are what you get without the "
                + "ReLU derivative: multiply dL/da1 element-wise by [z1 > 0] (1 where the unit was active, else 0) "
                + "before going through W1");
    }

    private static void assertRejected(Matrix w1, Matrix b1, Matrix w2, Matrix b2, String rule) {
        assertThrows(IllegalArgumentException.class, () -> new Mlp(w1, b1, w2, b2),
                () -> "new Mlp(W1 " + shape(w1) + ", b1 " + shape(b1) + ", W2 " + shape(w2) + ", b2 " + shape(b2)
                        + ") must throw IllegalArgumentException: " + rule + " (the constructor must validate the shapes, a "
                        + "TODO of the template)");
    }

    private static boolean sameShape(Matrix a, Matrix b) {
        return a.rows() == b.rows() && a.cols() == b.cols();
    }

    private static String shape(Matrix m) {
        return m.rows() + "x" + m.cols();
    }

    /** Each matrix as a new array (a deep copy), in order. */
    private static double[][][] arrays(Matrix... matrices) {
        double[][][] out = new double[matrices.length][][];
        for (int i = 0; i < matrices.length; i++) {
            out[i] = matrices[i].toArray();
        }
        return out;
    }

    private static double maxAbs(Matrix m) {
        double max = 0.0;
        for (double[] row : m.toArray()) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double minAbs(Matrix m) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : m.toArray()) {
            for (double v : row) {
                min = Math.min(min, Math.abs(v));
            }
        }
        return min;
    }

    private static boolean allFinite(Matrix m) {
        for (double[] row : m.toArray()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
