package backprop.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.linalg.Matrix;
import dev.gradecheck.toolkit.Chart;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code vanishing-gradients}: {@link DeepNetwork}.
 *
 * <p>These tests use test-private activations ({@link Hidden}), so that a mistake in the student's
 * {@link Activations} costs only the activation tests. Every reference (forward pass, loss, numerical gradients) is
 * computed here by {@link Reference}, never by the student's code. Gradients are graded one tensor at a time.
 */
class DeepNetworkHiddenTests {

    /** Relative error within which a student's tensor counts as matching a misconception's fingerprint. */
    private static final double FINGERPRINT = 1e-6;

    // ------------------------------------------------------------------ normalInit

    @Test
    void normalInitDrawsEveryLayerFromOneRandomInOrder() {
        expectNormalInit(new int[] {3, 5, 4, 2}, 0.7, 42L);
        expectNormalInit(new int[] {6, 1}, 2.0, -7L);
        expectNormalInit(new int[] {2, 8, 8, 8, 3}, 1.0, 2024L);
    }

    private static void expectNormalInit(int[] sizes, double std, long seed) {
        String call = "normalInit(" + Arrays.toString(sizes) + ", TANH, " + std + ", " + seed + ")";
        DeepNetwork net = DeepNetwork.normalInit(sizes.clone(), Hidden.TANH, std, seed);
        assertEquals(sizes.length - 1, net.weights().size(), call + ": number of weight matrices");
        assertEquals(sizes.length - 1, net.biases().size(), call + ": number of biases");
        Random rng = new Random(seed);
        for (int i = 0; i + 1 < sizes.length; i++) {
            Matrix expected = Matrix.random(sizes[i], sizes[i + 1], std, rng);
            Matrix actual = net.weights().get(i);
            if (!expected.equals(actual)) {
                fail(call + ": W_" + (i + 1) + " should be " + expected + " but was " + actual + " — "
                        + initHint(sizes, std, seed, i, actual));
            }
            assertEquals(Matrix.zeros(1, sizes[i + 1]), net.biases().get(i),
                    call + ": b_" + (i + 1) + " must be Matrix.zeros(1, " + sizes[i + 1] + ")");
        }
        assertEquals(net.weights(), DeepNetwork.normalInit(sizes.clone(), Hidden.TANH, std, seed).weights(),
                call + " must give the same weights every time it is called with the same seed");
    }

    private static String initHint(int[] sizes, double std, long seed, int layer, Matrix actual) {
        if (actual.rows() != sizes[layer] || actual.cols() != sizes[layer + 1]) {
            return "W_i must have shape sizes[i-1] x sizes[i] (" + sizes[layer] + "x" + sizes[layer + 1] + ").";
        }
        if (Matrix.random(sizes[layer], sizes[layer + 1], std, new Random(seed)).equals(actual)) {
            return "it looks like a new Random(seed) per layer: create ONE Random(seed) and draw every layer from it.";
        }
        return "use ONE rng = new Random(seed) and Matrix.random(sizes[i], sizes[i + 1], std, rng) for each layer "
                + "in order, input layer first.";
    }

    // ------------------------------------------------------------------ forward and loss

    @Test
    void forwardAppliesTheHiddenActivationAfterEveryLayerButTheLast(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        boolean activatedOutput = false;
        for (Hidden hidden : Hidden.values()) {
            for (Fixture fixture : Fixture.all()) {
                Reference reference = fixture.reference(hidden);
                double[][] actual = fixture.network(hidden).forward(fixture.x).toArray();
                TensorCheck check = Gradients.check("forward(x), " + hidden + ", " + fixture,
                        actual, reference.forward(fixture.x).toArray());
                checks.add(check);
                activatedOutput |= !check.passed()
                        && matches(actual, reference.withActivatedOutput().forward(fixture.x).toArray());
            }
        }
        if (activatedOutput) {
            diagnoseActivatedOutput(reporter);
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void lossIsTheMeanSquaredErrorOverEveryEntry(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        boolean activatedOutput = false;
        for (Fixture fixture : Fixture.all()) {
            Reference reference = fixture.reference(Hidden.TANH);
            double expected = reference.loss(fixture.x, fixture.y);
            double actual = fixture.network(Hidden.TANH).loss(fixture.x, fixture.y);
            TensorCheck check = Gradients.check("loss, TANH, " + fixture, new double[][] {{actual}},
                    new double[][] {{expected}});
            checks.add(check);
            if (!check.passed()) {
                diagnoseLossScale(reporter, fixture, actual / expected);
                activatedOutput |= matches(new double[][] {{actual}},
                        new double[][] {{reference.withActivatedOutput().loss(fixture.x, fixture.y)}});
            }
        }
        if (activatedOutput) {
            diagnoseActivatedOutput(reporter);
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    private static void diagnoseLossScale(TestReporter reporter, Fixture fixture, double ratio) {
        int n = fixture.x.rows();
        int out = fixture.y.cols();
        if (out > 1 && Math.abs(ratio - out) < 1e-9 * out) {
            Verdicts.diagnose(reporter, "mean-over-rows", "loss for " + fixture + " is " + out + " times too large: "
                    + "it looks divided by n = " + n + " only. Divide the sum of squares by n * out = " + (n * out)
                    + ", the number of entries.");
        } else if (n > 1 && Math.abs(ratio - n) < 1e-9 * n) {
            Verdicts.diagnose(reporter, "batch-scaled", "loss for " + fixture + " is " + n + " times too large: "
                    + "it looks divided by out = " + out + " only. Divide by n * out = " + (n * out) + ".");
        }
    }

    // ------------------------------------------------------------------ backward

    @Test
    void sigmoidGradientsMatchNumericalGradients(TestReporter reporter) {
        checkGradients(Hidden.SIGMOID, reporter);
    }

    @Test
    void reluGradientsMatchNumericalGradients(TestReporter reporter) {
        checkGradients(Hidden.RELU, reporter);
    }

    @Test
    void tanhGradientsMatchNumericalGradients(TestReporter reporter) {
        checkGradients(Hidden.TANH, reporter);
    }

    /**
     * Grades every dW_i and db_i of every fixture on its own against central differences of the test's reference
     * loss, then, if some tensor failed, looks for the fingerprints of two classic mistakes.
     */
    private static void checkGradients(Hidden hidden, TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        boolean activatedOutput = true;
        boolean derivativeAtActivation = hidden != Hidden.RELU; // identical to the truth for ReLU
        for (Fixture fixture : Fixture.all()) {
            Reference reference = fixture.reference(hidden);
            DeepGradients actual = fixture.network(hidden).backward(fixture.x, fixture.y);
            requireOneTensorPerLayer(actual, fixture);
            int n = fixture.x.rows();
            for (int i = 0; i < fixture.layers(); i++) {
                checks.add(Gradients.check("dW_" + (i + 1) + ", " + hidden + ", " + fixture,
                        actual.dWeights().get(i).toArray(), reference.numericalWeightGradient(i, fixture), n));
                checks.add(Gradients.check("db_" + (i + 1) + ", " + hidden + ", " + fixture,
                        actual.dBiases().get(i).toArray(), reference.numericalBiasGradient(i, fixture), n));
            }
            activatedOutput &= matchesAll(actual, reference.withActivatedOutput().gradients(fixture, false));
            derivativeAtActivation &= matchesAll(actual, reference.gradients(fixture, true));
        }
        if (checks.stream().anyMatch(check -> !check.passed())) {
            if (activatedOutput) {
                diagnoseActivatedOutput(reporter);
            } else if (derivativeAtActivation) {
                Verdicts.diagnose(reporter, "sigmoid-derivative-at-activation", "Your gradients match a backward "
                        + "pass that takes the " + hidden + " derivative at the activation a_i = f(z_i) instead of at "
                        + "the pre-activation z_i. Keep z_i from the forward pass and multiply by f'(z_i).");
            }
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    private static void requireOneTensorPerLayer(DeepGradients actual, Fixture fixture) {
        assertEquals(fixture.layers(), actual.dWeights().size(),
                "backward for " + fixture + ": need one dW per layer, input layer first");
        assertEquals(fixture.layers(), actual.dBiases().size(),
                "backward for " + fixture + ": need one db per layer, input layer first");
    }

    private static void diagnoseActivatedOutput(TestReporter reporter) {
        Verdicts.diagnose(reporter, "activation-on-output", "Your network applies the hidden activation after the "
                + "LAST layer too. The output layer is linear: yPred = z_L, and backward starts from "
                + "dL/dz_L = (2 / (n * out)) (yPred - yTrue) without an activation derivative.");
    }

    @Test
    void weightGradientNormsAreTheFrobeniusNormsInputLayerFirst(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        for (Fixture fixture : Fixture.all()) {
            List<Matrix> dWeights = fixture.reference(Hidden.TANH).gradients(fixture, false).get(0);
            double[] expected = dWeights.stream().mapToDouble(Matrix::norm).toArray();
            double[] actual = fixture.network(Hidden.TANH).weightGradientNorms(fixture.x, fixture.y);
            checks.add(Gradients.check("weightGradientNorms, TANH, " + fixture, new double[][] {actual},
                    new double[][] {expected}));
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    // ------------------------------------------------------------------ the experiment

    /*
     * Measured on the reference solution (10 hidden layers of width 32, input 16, output 4, batch 8, std 1.0, zero
     * biases, weights from Random(seed), x then yTrue from Random(seed + 1000), both std 1.0):
     *
     *   seed   ||dW_1|| / ||dW_11||  SIGMOID   RELU
     *   1                            5.26e-3   0.761
     *   2                            1.61e-2   1.355
     *   3                            2.70e-2   0.470
     *
     * Bars: SIGMOID below 0.05 (the largest measured ratio, 2.7e-2, with a margin of almost 2), RELU above 0.25 (half
     * the smallest measured ratio), and RELU at least 10 times SIGMOID for the same seed (measured: 17 to 145).
     */
    private static final double SIGMOID_BAR = 0.05;
    private static final double RELU_BAR = 0.25;
    private static final double SEPARATION = 10.0;
    private static final long[] EXPERIMENT_SEEDS = {1L, 2L, 3L};

    @Test
    void sigmoidGradientsVanishInTheFirstLayerButReluGradientsDoNot(TestReporter reporter) {
        drawNorms(reporter, EXPERIMENT_SEEDS[0]);
        StringBuilder problems = new StringBuilder();
        for (long seed : EXPERIMENT_SEEDS) {
            double sigmoid = firstToLastRatio(Hidden.SIGMOID, seed);
            double relu = firstToLastRatio(Hidden.RELU, seed);
            String figures = String.format(Locale.ROOT, "seed %d: ||dW_1|| / ||dW_11|| is %.3e for SIGMOID and "
                    + "%.3e for RELU", seed, sigmoid, relu);
            if (!(sigmoid < SIGMOID_BAR)) {
                problems.append(figures).append("; SIGMOID should be below ").append(SIGMOID_BAR)
                        .append(orderHint(Hidden.SIGMOID, seed)).append('\n');
            } else if (!(relu > RELU_BAR) || !(relu >= SEPARATION * sigmoid)) {
                problems.append(figures).append("; RELU should be above ").append(RELU_BAR).append(" and at least ")
                        .append(SEPARATION).append(" times SIGMOID\n");
            }
        }
        if (problems.length() > 0) {
            fail("10 hidden layers of width 32, std 1.0: the first layer's gradient should vanish for SIGMOID but "
                    + "not for RELU.\n" + problems);
        }
    }

    /**
     * The figure of the feedback page: the student's ||dW_i|| per layer for SIGMOID and RELU on a log scale beside
     * the reference's, the numbers the lesson asks students to print. Drawn before grading, so that a student whose
     * norms fail the bars sees where they go wrong; not drawn when the student's code throws (the test then fails on
     * the same call, with its message).
     */
    private static void drawNorms(TestReporter reporter, long seed) {
        Fixture deep = Fixture.experiment(seed);
        Chart chart = Chart.bars("||dW_i|| per layer, input layer first (10 hidden layers of width 32, seed " + seed
                + ")").logScale().axis("Frobenius norm of dW_i");
        try {
            for (Hidden hidden : List.of(Hidden.SIGMOID, Hidden.RELU)) {
                double[] yours = deep.network(hidden).weightGradientNorms(deep.x, deep.y);
                double[] reference = deep.reference(hidden).gradients(deep, false).get(0).stream()
                        .mapToDouble(Matrix::norm).toArray();
                chart.series("your " + hidden, layerLabels(yours.length), yours)
                        .reference("reference " + hidden, layerLabels(reference.length), reference);
            }
        } catch (RuntimeException e) {
            return;
        }
        chart.publish(reporter);
    }

    private static List<String> layerLabels(int layers) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= layers; i++) {
            labels.add("W_" + i);
        }
        return labels;
    }

    private static double firstToLastRatio(Hidden hidden, long seed) {
        Fixture deep = Fixture.experiment(seed);
        double[] norms = deep.network(hidden).weightGradientNorms(deep.x, deep.y);
        assertEquals(deep.layers(), norms.length, "weightGradientNorms must return one norm per layer");
        return norms[0] / norms[norms.length - 1];
    }

    /** Says whether the student's norms are the reference norms in reverse order, or simply wrong. */
    private static String orderHint(Hidden hidden, long seed) {
        Fixture deep = Fixture.experiment(seed);
        double[] actual = deep.network(hidden).weightGradientNorms(deep.x, deep.y);
        double[] expected = deep.reference(hidden).gradients(deep, false).get(0).stream()
                .mapToDouble(Matrix::norm).toArray();
        double[] reversed = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            reversed[i] = expected[expected.length - 1 - i];
        }
        if (matches(new double[][] {actual}, new double[][] {reversed})) {
            return " (your norms are in reverse order: list them input layer first)";
        }
        return String.format(Locale.ROOT, " (the correct norms give %.3e; check the gradient tests first)",
                expected[0] / expected[expected.length - 1]);
    }

    // ------------------------------------------------------------------ fixtures and the reference

    private static boolean matches(double[][] actual, double[][] expected) {
        return actual.length == expected.length && actual[0].length == expected[0].length
                && Gradients.relativeError(actual, expected) < FINGERPRINT;
    }

    private static boolean matchesAll(DeepGradients actual, List<List<Matrix>> variant) {
        for (int i = 0; i < variant.get(0).size(); i++) {
            if (!matches(actual.dWeights().get(i).toArray(), variant.get(0).get(i).toArray())
                    || !matches(actual.dBiases().get(i).toArray(), variant.get(1).get(i).toArray())) {
                return false;
            }
        }
        return true;
    }

    /** A network shape with fixed random weights, biases, inputs and targets. Non-square layers throughout. */
    private static final class Fixture {
        final int[] sizes;
        final List<Matrix> weights = new ArrayList<>();
        final List<Matrix> biases = new ArrayList<>();
        final Matrix x;
        final Matrix y;

        Fixture(int[] sizes, int batch, long seed) {
            this.sizes = sizes;
            Random rng = new Random(seed);
            for (int i = 0; i + 1 < sizes.length; i++) {
                weights.add(Matrix.random(sizes[i], sizes[i + 1], 0.8, rng));
                biases.add(Matrix.random(1, sizes[i + 1], 0.3, rng));
            }
            x = Matrix.random(batch, sizes[0], 1.0, rng);
            y = Matrix.random(batch, sizes[sizes.length - 1], 1.0, rng);
        }

        /** The experiment's network: weights as normalInit(sizes, std 1.0, seed) draws them, zero biases. */
        private Fixture(int[] sizes, int batch, long seed, double std) {
            this.sizes = sizes;
            Random rng = new Random(seed);
            for (int i = 0; i + 1 < sizes.length; i++) {
                weights.add(Matrix.random(sizes[i], sizes[i + 1], std, rng));
                biases.add(Matrix.zeros(1, sizes[i + 1]));
            }
            Random data = new Random(seed + 1000);
            x = Matrix.random(batch, sizes[0], 1.0, data);
            y = Matrix.random(batch, sizes[sizes.length - 1], 1.0, data);
        }

        /** Input 16, 10 hidden layers of width 32, output 4, batch 8, std 1.0. */
        static Fixture experiment(long seed) {
            return new Fixture(new int[] {16, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 4}, 8, seed, 1.0);
        }

        /** Batch 7 through 3-5-4-2, batch 1 through 4-3-6-2-3, batch 5 through 2-7-3. */
        static List<Fixture> all() {
            return List.of(new Fixture(new int[] {3, 5, 4, 2}, 7, 11L),
                    new Fixture(new int[] {4, 3, 6, 2, 3}, 1, 12L),
                    new Fixture(new int[] {2, 7, 3}, 5, 13L));
        }

        int layers() {
            return weights.size();
        }

        DeepNetwork network(Activation hidden) {
            return new DeepNetwork(weights, biases, hidden);
        }

        Reference reference(Activation hidden) {
            return new Reference(weights, biases, hidden, false);
        }

        @Override
        public String toString() {
            StringBuilder shape = new StringBuilder();
            for (int size : sizes) {
                shape.append(shape.length() == 0 ? "" : "-").append(size);
            }
            return "batch " + x.rows() + ", layers " + shape;
        }
    }

    /** The test's own network: forward pass, MSE loss, numerical and (for fingerprints) analytical gradients. */
    private static final class Reference {
        private final List<Matrix> weights;
        private final List<Matrix> biases;
        private final Activation hidden;
        private final boolean activateOutput;

        Reference(List<Matrix> weights, List<Matrix> biases, Activation hidden, boolean activateOutput) {
            this.weights = weights;
            this.biases = biases;
            this.hidden = hidden;
            this.activateOutput = activateOutput;
        }

        /** The same network with the (wrong) activation after the output layer too. */
        Reference withActivatedOutput() {
            return new Reference(weights, biases, hidden, true);
        }

        Matrix forward(Matrix x) {
            Matrix a = x;
            for (int i = 0; i < weights.size(); i++) {
                Matrix z = a.matmul(weights.get(i)).plus(biases.get(i));
                a = activated(i) ? z.map(hidden::apply) : z;
            }
            return a;
        }

        double loss(Matrix x, Matrix y) {
            Matrix error = forward(x).minus(y);
            return error.hadamard(error).sum() / ((double) y.rows() * y.cols());
        }

        double[][] numericalWeightGradient(int layer, Fixture fixture) {
            return numerical(at -> replacedWeight(layer, at).loss(fixture), weights.get(layer));
        }

        double[][] numericalBiasGradient(int layer, Fixture fixture) {
            return numerical(at -> replacedBias(layer, at).loss(fixture), biases.get(layer));
        }

        private static double[][] numerical(ToDoubleFunction<double[][]> loss, Matrix at) {
            return Gradients.numerical(loss, at.toArray());
        }

        private double loss(Fixture fixture) {
            return loss(fixture.x, fixture.y);
        }

        private Reference replacedWeight(int layer, double[][] value) {
            List<Matrix> copy = new ArrayList<>(weights);
            copy.set(layer, Matrix.of(value));
            return new Reference(copy, biases, hidden, activateOutput);
        }

        private Reference replacedBias(int layer, double[][] value) {
            List<Matrix> copy = new ArrayList<>(biases);
            copy.set(layer, Matrix.of(value));
            return new Reference(weights, copy, hidden, activateOutput);
        }

        /**
         * Analytical gradients, used only to recognise mistakes: {@code [dWeights, dBiases]}.
         *
         * @param derivativeAtActivation take f' at a_i instead of z_i (the mistake being fingerprinted)
         */
        List<List<Matrix>> gradients(Fixture fixture, boolean derivativeAtActivation) {
            List<Matrix> inputs = new ArrayList<>();
            List<Matrix> pre = new ArrayList<>();
            Matrix a = fixture.x;
            for (int i = 0; i < weights.size(); i++) {
                inputs.add(a);
                Matrix z = a.matmul(weights.get(i)).plus(biases.get(i));
                pre.add(z);
                a = activated(i) ? z.map(hidden::apply) : z;
            }
            Matrix delta = a.minus(fixture.y).scale(2.0 / ((double) fixture.y.rows() * fixture.y.cols()));
            Matrix[] dW = new Matrix[weights.size()];
            Matrix[] db = new Matrix[weights.size()];
            for (int i = weights.size() - 1; i >= 0; i--) {
                if (activated(i)) {
                    Matrix at = derivativeAtActivation ? pre.get(i).map(hidden::apply) : pre.get(i);
                    delta = delta.hadamard(at.map(hidden::derivative));
                }
                dW[i] = inputs.get(i).transpose().matmul(delta);
                db[i] = delta.sumRows();
                delta = delta.matmul(weights.get(i).transpose());
            }
            return List.of(List.of(dW), List.of(db));
        }

        private boolean activated(int layer) {
            return activateOutput || layer < weights.size() - 1;
        }
    }

    /** Test-private activations: the definitions of the course, independent of the student's {@link Activations}. */
    private enum Hidden implements Activation {
        SIGMOID {
            @Override
            public double apply(double z) {
                return ActivationsHiddenTests.sigmoid(z);
            }

            @Override
            public double derivative(double z) {
                double s = apply(z);
                return s * (1.0 - s);
            }
        },
        RELU {
            @Override
            public double apply(double z) {
                return Math.max(0.0, z);
            }

            @Override
            public double derivative(double z) {
                return z > 0.0 ? 1.0 : 0.0;
            }
        },
        TANH {
            @Override
            public double apply(double z) {
                return Math.tanh(z);
            }

            @Override
            public double derivative(double z) {
                double t = Math.tanh(z);
                return 1.0 - t * t;
            }
        }
    }
}
