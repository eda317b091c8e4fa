package backprop.losses;

import backprop.linalg.Matrix;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code losses-and-clipping}: {@link Losses}. Every expected value is computed here (test-
 * private reference formulas, central differences of the test's own losses), never by the student's code.
 */
class LossesHiddenTests {

    /** Relative error within which a student's result counts as matching a misconception's fingerprint. */
    private static final double FINGERPRINT = 1e-9;

    // ------------------------------------------------------------------ mean squared error

    @Test
    void mseIsTheMeanOverEveryEntry(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Pair pair : Pair.regression()) {
            double expected = mse(pair.first, pair.second);
            double actual = Losses.mse(pair.first, pair.second);
            checks.add(scalar("mse(yPred, yTrue), " + pair, actual, expected));
            if (pair.first.cols() > 1 && fits(actual, expected * pair.first.cols())) {
                diagnoseMeanOverRows(reporter, "mse", pair);
            }
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void mseGradientMatchesCentralDifferencesOfMse(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Pair pair : Pair.regression()) {
            double[][] expected = Gradients.numerical(p -> mse(Matrix.of(p), pair.second), pair.first.toArray());
            double[][] actual = Losses.mseGradient(pair.first, pair.second).toArray();
            TensorCheck check = Gradients.check("mseGradient(yPred, yTrue), " + pair, actual, expected,
                    pair.first.rows());
            checks.add(check);
            if (!check.passed() && pair.first.cols() > 1 && fitsScaled(actual, expected, pair.first.cols())) {
                diagnoseMeanOverRows(reporter, "mseGradient", pair);
            }
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    private static void diagnoseMeanOverRows(TestReporter reporter, String method, Pair pair) {
        int rows = pair.first.rows();
        int cols = pair.first.cols();
        Verdicts.diagnose(reporter, "mean-over-rows", method + " for " + pair + " is " + cols + " times too large: "
                + "it divides by the number of rows (" + rows + ") instead of the number of ENTRIES m = rows * cols = "
                + (rows * cols) + ". The mean squared error averages over every entry: (1/m) sum (p - t)^2, and its "
                + "gradient is (2/m)(p - t).");
    }

    // ------------------------------------------------------------------ softmax

    @Test
    void softmaxRowsArePositiveAndSumToOne(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Pair pair : Pair.classification()) {
            Matrix actual = Losses.softmax(pair.first);
            checks.add(Gradients.check("softmax(logits), " + pair, actual.toArray(), softmax(pair.first)));
            checks.add(Gradients.check("row sums of softmax(logits), " + pair, rowSums(actual), ones(actual.rows())));
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void softmaxIsFiniteForLogitsOfMagnitude1e4(TestReporter reporter) {
        Matrix logits = Matrix.of(new double[][] {
                {1e4, -1e4, 0.0},
                {-1e4, -1e4, -1e4 + 1.0},
                {1e4, 1e4 - 2.0, 1e4},
                {-1e4, 1e4, 5e3}});
        Matrix actual = Losses.softmax(logits);
        if (!allFinite(actual)) {
            Verdicts.diagnose(reporter, "unstable-softmax", "softmax of logits like 1e4 gave NaN or infinity: "
                    + "exp(1e4) overflows. Subtract each row's maximum before exp (the result is the same, since "
                    + "softmax(z - c) = softmax(z)), so the largest exponent is exp(0) = 1.");
        }
        Verdicts.publish(reporter,
                Gradients.check("softmax(logits) for |logits| up to 1e4", actual.toArray(), softmax(logits)),
                Gradients.check("row sums of softmax(logits) for |logits| up to 1e4", rowSums(actual),
                        ones(actual.rows())));
    }

    // ------------------------------------------------------------------ cross-entropy

    @Test
    void crossEntropyIsMinusTheSumOfYLogPOverTheBatch(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Pair pair : Pair.classification()) {
            Matrix probabilities = Matrix.of(softmax(pair.first));
            checks.add(scalar("crossEntropy(softmax(logits), yTrue), " + pair,
                    Losses.crossEntropy(probabilities, pair.second), crossEntropy(probabilities, pair.second)));
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void crossEntropyTermsWithTargetZeroAddZeroEvenWhereTheProbabilityIsZero(TestReporter reporter) {
        Matrix probabilities = Matrix.of(new double[][] {{0.0, 1.0, 0.0}, {0.25, 0.75, 0.0}, {0.5, 0.0, 0.5}});
        Matrix yTrue = Matrix.of(new double[][] {{0.0, 1.0, 0.0}, {1.0, 0.0, 0.0}, {0.5, 0.0, 0.5}});
        double actual = Losses.crossEntropy(probabilities, yTrue);
        if (Double.isNaN(actual)) {
            Verdicts.diagnose(reporter, "missing-zero-guard", "crossEntropy gave NaN where p = 0 and y = 0: in "
                    + "double 0 * log(0) = 0 * -infinity = NaN. A term with y = 0 adds 0: skip it (if (y != 0)) "
                    + "instead of computing y * log(p).");
        }
        // -log 1 - log 0.25 - 0.5 log 0.5 - 0.5 log 0.5 = log 4 + log 2
        Verdicts.publish(reporter, scalar("crossEntropy with p = 0 wherever y = 0", actual, Math.log(8.0)));
    }

    @Test
    void softmaxCrossEntropyGradientMatchesCentralDifferences(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Pair pair : Pair.classification()) {
            double[][] expected = Gradients.numerical(
                    z -> crossEntropy(Matrix.of(softmax(Matrix.of(z))), pair.second), pair.first.toArray());
            double[][] actual = Losses.softmaxCrossEntropyGradient(pair.first, pair.second).toArray();
            checks.add(Gradients.check("softmaxCrossEntropyGradient(logits, yTrue), " + pair, actual, expected,
                    pair.first.rows()));
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    // ------------------------------------------------------------------ fixtures and references

    /** Two matrices of the same shape: (yPred, yTrue) or (logits, yTrue), from a fixed seed. */
    private static final class Pair {
        final Matrix first;
        final Matrix second;
        private final String label;

        private Pair(Matrix first, Matrix second, String label) {
            this.first = first;
            this.second = second;
            this.label = label;
        }

        /**
         * Shapes 7x3, 1x4 and 3x5: rows, columns and entries all differ, and no batch has 2 rows (a factor 1/2 would
         * look like a mean over a batch of 2).
         */
        static List<Pair> regression() {
            Random rng = new Random(61L);
            List<Pair> pairs = new ArrayList<>();
            for (int[] shape : new int[][] {{7, 3}, {1, 4}, {3, 5}}) {
                pairs.add(new Pair(Matrix.random(shape[0], shape[1], 1.5, rng),
                        Matrix.random(shape[0], shape[1], 1.0, rng), shape[0] + "x" + shape[1]));
            }
            return pairs;
        }

        /** 7x4 and 1x3 with one-hot targets, 3x5 with soft targets (rows of y sum to 1). */
        static List<Pair> classification() {
            Random rng = new Random(62L);
            return List.of(
                    new Pair(Matrix.random(7, 4, 2.0, rng), oneHot(7, 4, rng), "7x4, one-hot targets"),
                    new Pair(Matrix.random(1, 3, 2.0, rng), oneHot(1, 3, rng), "1x3, one-hot target"),
                    new Pair(Matrix.random(3, 5, 2.0, rng), Matrix.of(softmax(Matrix.random(3, 5, 1.0, rng))),
                            "3x5, soft targets"));
        }

        private static Matrix oneHot(int rows, int cols, Random rng) {
            double[][] y = new double[rows][cols];
            for (double[] row : y) {
                row[rng.nextInt(cols)] = 1.0;
            }
            return Matrix.of(y);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static double mse(Matrix p, Matrix t) {
        Matrix error = p.minus(t);
        return error.hadamard(error).sum() / ((double) p.rows() * p.cols());
    }

    /** Row-wise, max-shifted. */
    private static double[][] softmax(Matrix logits) {
        double[][] p = logits.toArray();
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
        return p;
    }

    private static double crossEntropy(Matrix p, Matrix y) {
        double total = 0.0;
        for (int r = 0; r < y.rows(); r++) {
            for (int c = 0; c < y.cols(); c++) {
                if (y.get(r, c) != 0.0) {
                    total -= y.get(r, c) * Math.log(p.get(r, c));
                }
            }
        }
        return total;
    }

    private static double[][] rowSums(Matrix m) {
        double[][] sums = new double[1][m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                sums[0][r] += m.get(r, c);
            }
        }
        return sums;
    }

    private static double[][] ones(int n) {
        double[][] ones = new double[1][n];
        java.util.Arrays.fill(ones[0], 1.0);
        return ones;
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

    private static TensorCheck scalar(String name, double actual, double expected) {
        return Gradients.check(name, new double[][] {{actual}}, new double[][] {{expected}});
    }

    private static boolean fits(double actual, double expected) {
        return Math.abs(actual - expected) <= FINGERPRINT * Math.abs(expected);
    }

    private static boolean fitsScaled(double[][] actual, double[][] expected, double factor) {
        if (actual.length != expected.length || actual[0].length != expected[0].length) {
            return false;
        }
        double[][] scaled = new double[expected.length][];
        for (int r = 0; r < expected.length; r++) {
            scaled[r] = expected[r].clone();
            for (int c = 0; c < scaled[r].length; c++) {
                scaled[r][c] *= factor;
            }
        }
        return Gradients.relativeError(actual, scaled) < 1e-7; // numerical reference: ~1e-10 noise
    }
}
