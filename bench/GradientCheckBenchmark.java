import backprop.linalg.Matrix;
import backprop.mlp.Mlp;
import backprop.mlp.MlpCache;
import backprop.mlp.MlpGradients;
import dev.gradecheck.toolkit.EvaluationCounter;
import dev.gradecheck.toolkit.Finding;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Speed benchmark of the gradient-check toolkit (issue 4, "Speed"): checks the backward pass of a 784-128-10 MLP
 * (101,770 parameters) by full central differences over every parameter and by the toolkit's directional check, and
 * confirms that the directional check still fails known-bug variants of {@code backprop.mlp.Mlp}.
 *
 * <p>Run by {@code bench/gradient-check-speed.sh}, which builds the class path. Two modes, each in its own JVM:
 * <ul>
 *   <li>{@code reference [BATCH]}: the {@code Mlp} on the class path is the reference solution. Prints the forward
 *       (loss) evaluations, wall and CPU time, per-tensor relative errors and verdicts of both checks and their
 *       ratios; then, as a control, the directional check on the scaled-logits input.</li>
 *   <li>{@code directional-only [BATCH]}: the same without the full check (a quick run).</li>
 *   <li>{@code variant CODE [BATCH]}: a known-bug {@code Mlp} sits before the solutions jar on the class path. Only
 *       the directional check, on the standard and on the scaled-logits input; the variant is caught when either
 *       fails.</li>
 * </ul>
 *
 * <p>The loss that is differentiated is this benchmark's own ({@link SummedCrossEntropy}), never the {@code Mlp}'s:
 * a variant replaces {@code backprop.mlp.Mlp}, so the reference is not on its class path (the hidden tests do the same
 * with a test-private reference), and a loss over plain arrays keeps the 203,540 forward passes of the full check
 * cheap. The reference mode confirms that it agrees with {@code Mlp.loss}.
 *
 * <p>Exit codes: {@link #OK} (reference: every check passes; variant: caught), {@link #FAILED} (reference: a check
 * failed, so the figures mean nothing; variant: NOT caught), {@link #USAGE} (bad arguments); 1 is left to the JVM
 * (an exception escaped, e.g. an {@code Error} thrown by a variant).
 */
public final class GradientCheckBenchmark {

    static final int OK = 0;
    static final int FAILED = 3;
    static final int USAGE = 2;

    static final int INPUTS = 784;
    static final int HIDDEN = 128;
    static final int OUTPUTS = 10;
    static final int DEFAULT_BATCH = 16;
    static final long SEED = 20_240_604L;
    /** Multiplies W2 so that the logits are in the thousands: exp overflows unless softmax subtracts the row max. */
    static final double LOGIT_SCALE = 1000.0;
    static final String[] NAMES = {"dW1", "db1", "dW2", "db2"};

    private GradientCheckBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            return usage("missing mode");
        }
        try {
            return switch (args[0]) {
                case "reference" -> reference(batchArgument(args, 1), true);
                case "directional-only" -> reference(batchArgument(args, 1), false);
                case "variant" -> args.length < 2 ? usage("variant needs its code")
                        : variant(args[1], batchArgument(args, 2));
                default -> usage("unknown mode " + args[0]);
            };
        } catch (NumberFormatException e) {
            return usage("BATCH must be a whole number: " + e.getMessage());
        }
    }

    private static int usage(String problem) {
        System.err.println("GradientCheckBenchmark: " + problem + "\nusage: GradientCheckBenchmark reference [BATCH]"
                + " | directional-only [BATCH] | variant CODE [BATCH]   (BATCH default " + DEFAULT_BATCH + ")");
        return USAGE;
    }

    private static int batchArgument(String[] args, int index) {
        int batch = args.length > index ? Integer.parseInt(args[index]) : DEFAULT_BATCH;
        if (batch < 3) {
            throw new NumberFormatException("at least 3 (batch-mean must not look like factor-half), was " + batch);
        }
        return batch;
    }

    // ---------------------------------------------------------------------------------------------------- modes

    private static int reference(int batch, boolean withFullCheck) {
        Net standard = Net.random(batch, SEED);
        Net scaled = standard.withScaledW2(LOGIT_SCALE);
        describe(standard, scaled);
        printLossAgreement(standard);
        double[][][] analytical = analyticalGradients(standard);
        warmUp(standard, analytical);
        List<TensorCheck> checks = new ArrayList<>();
        Timing full = null;
        if (withFullCheck) {
            full = fullCheck(standard, analytical, checks);
        }
        Timing directional = directionalCheck("directional", standard, analytical, checks);
        if (full != null) {
            printRatio(full, directional);
        }
        System.out.println("control: the reference on the scaled-logits input must pass too, otherwise a variant"
                + " failing there proves nothing");
        directionalCheck("directional (scaled logits)", scaled, analyticalGradients(scaled), checks);
        boolean allPassed = checks.stream().allMatch(TensorCheck::passed);
        System.out.println("reference: " + (allPassed ? "every check passes" : "SOME CHECK FAILS — the figures and the"
                + " variant results are not trustworthy"));
        return allPassed ? OK : FAILED;
    }

    private static int variant(String code, int batch) {
        Net standard = Net.random(batch, SEED);
        Net scaled = standard.withScaledW2(LOGIT_SCALE);
        Outcome onStandard = checkVariant(code, "standard", standard);
        Outcome onScaled = checkVariant(code, "scaled logits", scaled);
        boolean caught = onStandard.caught() || onScaled.caught();
        System.out.println("variant " + code + ": " + (caught ? "FAIL/caught" : "PASS/NOT CAUGHT") + " — standard "
                + onStandard.summary() + "; scaled logits " + onScaled.summary());
        return caught ? OK : FAILED;
    }

    /** What the directional check made of one variant on one input. */
    private record Outcome(boolean caught, String summary) {
    }

    private static Outcome checkVariant(String code, String input, Net net) {
        double[][][] analytical;
        try {
            analytical = analyticalGradients(net);
        } catch (RuntimeException e) {
            System.out.println("variant " + code + ", " + input + ": forward/backward threw " + e);
            return new Outcome(true, "threw " + e.getClass().getSimpleName());
        }
        List<TensorCheck> checks = new ArrayList<>();
        directionalCheck("variant " + code + ", " + input, net, analytical, checks);
        TensorCheck[] all = checks.toArray(new TensorCheck[0]);
        List<String> codes = Verdicts.findings(all).stream().map(Finding::code).distinct().toList();
        boolean failed = checks.stream().anyMatch(check -> !check.passed());
        String failedTensors = checks.stream().filter(check -> !check.passed()).map(TensorCheck::name)
                .collect(Collectors.joining(" "));
        return new Outcome(failed, failed ? "FAIL (" + failedTensors + ") codes " + codes : "pass");
    }

    // ---------------------------------------------------------------------------------------------------- checks

    /** Elapsed wall and CPU time and loss evaluations of one way of checking. */
    private record Timing(long evaluations, double wallSeconds, double cpuSeconds) {

        Timing plus(Timing other) {
            return new Timing(evaluations + other.evaluations, wallSeconds + other.wallSeconds,
                    cpuSeconds + other.cpuSeconds);
        }
    }

    private static Timing fullCheck(Net net, double[][][] analytical, List<TensorCheck> checks) {
        System.out.println("full: central differences over every parameter (Gradients.numerical, step "
                + Gradients.DEFAULT_STEP + ", 2 loss evaluations per parameter), then Gradients.check");
        Timing total = new Timing(0, 0, 0);
        for (int i = 0; i < NAMES.length; i++) {
            EvaluationCounter loss = new EvaluationCounter(net.lossOf(i));
            Stopwatch stopwatch = Stopwatch.start();
            double[][] numerical = Gradients.numerical(loss, net.parameter(i));
            TensorCheck check = Gradients.check(NAMES[i], analytical[i], numerical, net.batch());
            Timing timing = stopwatch.stop(loss.count());
            printTensor("full", net.parameter(i), check, timing);
            checks.add(check);
            total = total.plus(timing);
        }
        printTotal("full", total);
        return total;
    }

    private static Timing directionalCheck(String label, Net net, double[][][] analytical, List<TensorCheck> checks) {
        System.out.println(label + ": Gradients.directional, " + Gradients.DEFAULT_DIRECTIONS
                + " directions per tensor (default), seed " + Gradients.DEFAULT_SEED + ", batch size " + net.batch());
        Timing total = new Timing(0, 0, 0);
        for (int i = 0; i < NAMES.length; i++) {
            EvaluationCounter loss = new EvaluationCounter(net.lossOf(i));
            Stopwatch stopwatch = Stopwatch.start();
            TensorCheck check = Gradients.directional(NAMES[i], loss, net.parameter(i), analytical[i],
                    Gradients.DEFAULT_DIRECTIONS, Gradients.DEFAULT_SEED, net.batch());
            Timing timing = stopwatch.stop(loss.count());
            printTensor(label, net.parameter(i), check, timing);
            checks.add(check);
            total = total.plus(timing);
        }
        printTotal(label, total);
        return total;
    }

    /** dW1, db1, dW2, db2 from {@code Mlp.backward} of whichever {@code Mlp} is on the class path. */
    private static double[][][] analyticalGradients(Net net) {
        Matrix x = Matrix.of(net.x);
        Matrix y = Matrix.of(net.oneHot());
        Mlp mlp = new Mlp(Matrix.of(net.w1), Matrix.of(net.b1), Matrix.of(net.w2), Matrix.of(net.b2));
        MlpCache cache = mlp.forward(x);
        MlpGradients g = mlp.backward(x, y, cache);
        return new double[][][] {array(g.dW1()), array(g.db1()), array(g.dW2()), array(g.db2())};
    }

    private static double[][] array(Matrix m) {
        return m == null ? null : m.toArray();
    }

    /**
     * JIT-compiles the loss and the directional check before anything is timed, so that the ratio compares steady
     * states; prints the cold first run, which is what a hidden test in a fresh JVM pays.
     */
    private static void warmUp(Net net, double[][][] analytical) {
        Stopwatch stopwatch = Stopwatch.start();
        for (int i = 0; i < NAMES.length; i++) {
            Gradients.directional(NAMES[i], net.lossOf(i), net.parameter(i), analytical[i],
                    Gradients.DEFAULT_DIRECTIONS, Gradients.DEFAULT_SEED, net.batch());
        }
        Timing cold = stopwatch.stop(Gradients.directionalEvaluations(Gradients.DEFAULT_DIRECTIONS) * NAMES.length);
        ToDoubleFunction<double[][]> loss = net.lossOf(0);
        for (int k = 0; k < 300; k++) {
            loss.applyAsDouble(net.w1);
        }
        System.out.printf(Locale.ROOT, "warm-up (not in the ratio): first directional check, JIT cold, %d loss"
                + " evaluations, %.3f s wall; then 300 loss evaluations%n", cold.evaluations(), cold.wallSeconds());
    }

    // ---------------------------------------------------------------------------------------------------- output

    private static void describe(Net standard, Net scaled) {
        System.out.printf(Locale.ROOT, "network: %d-%d-%d MLP (ReLU, softmax, cross-entropy summed over the batch),"
                        + " %,d parameters (W1 %dx%d, b1 1x%d, W2 %dx%d, b2 1x%d), batch %d, seed %d%n",
                INPUTS, HIDDEN, OUTPUTS, standard.parameterCount(), INPUTS, HIDDEN, HIDDEN, HIDDEN, OUTPUTS, OUTPUTS,
                standard.batch(), SEED);
        System.out.printf(Locale.ROOT, "inputs: standard max |logit| %.3g, min |z1| %.2e (a ReLU kink closer than"
                        + " the step would blur the full check); scaled-logits input = W2 x %.0f, max |logit| %.3g%n",
                standard.maxAbsLogit(), standard.minAbsHiddenPreActivation(), LOGIT_SCALE, scaled.maxAbsLogit());
    }

    private static void printLossAgreement(Net net) {
        double ours = net.lossOf(0).applyAsDouble(net.w1);
        double mlp = new Mlp(Matrix.of(net.w1), Matrix.of(net.b1), Matrix.of(net.w2), Matrix.of(net.b2))
                .loss(Matrix.of(net.x), Matrix.of(net.oneHot()));
        System.out.printf(Locale.ROOT, "loss: benchmark %.12f, Mlp.loss %.12f, relative difference %.1e%n", ours, mlp,
                Gradients.relativeError(ours, mlp));
    }

    private static void printTensor(String label, double[][] parameter, TensorCheck check, Timing timing) {
        String codes = check.passed() ? "" : " " + check.codes();
        String error = String.format(Locale.ROOT, "%.2e", check.relativeError());
        System.out.printf(Locale.ROOT, "  %s %-3s %4dx%-4d %,9d loss evaluations %9.3f s  relative error %-8s %-10s"
                        + " %s%s%n", label, check.name(), parameter.length, parameter[0].length, timing.evaluations(),
                timing.wallSeconds(), error, check.band(), check.passed() ? "PASS" : "FAIL", codes);
    }

    private static void printTotal(String label, Timing total) {
        System.out.printf(Locale.ROOT, "%s: %d loss evaluations, %.3f s wall, %.3f s CPU%n", label,
                total.evaluations(), total.wallSeconds(), total.cpuSeconds());
    }

    private static void printRatio(Timing full, Timing directional) {
        System.out.printf(Locale.ROOT, "ratio (full / directional): %.0fx loss evaluations (%d / %d), %.0fx wall time"
                        + " (%.3f s / %.3f s), %.0fx CPU time%n",
                (double) full.evaluations() / directional.evaluations(), full.evaluations(),
                directional.evaluations(), full.wallSeconds() / directional.wallSeconds(), full.wallSeconds(),
                directional.wallSeconds(), full.cpuSeconds() / directional.cpuSeconds());
    }

    /** Wall and CPU time of the calling thread (CPU time is robust against other jobs sharing the cores). */
    private record Stopwatch(long wallStart, long cpuStart) {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static Stopwatch start() {
            return new Stopwatch(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
        }

        Timing stop(long evaluations) {
            return new Timing(evaluations, (System.nanoTime() - wallStart) / 1e9,
                    (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
    }

    // ---------------------------------------------------------------------------------------------------- network

    /**
     * A seeded network and batch: He-initialised weights, Gaussian inputs, one random class per row. The arrays are
     * never modified.
     */
    private record Net(double[][] w1, double[][] b1, double[][] w2, double[][] b2, double[][] x, int[] labels) {

        static Net random(int batch, long seed) {
            Random rng = new Random(seed);
            double[][] w1 = Matrix.random(INPUTS, HIDDEN, Math.sqrt(2.0 / INPUTS), rng).toArray();
            double[][] b1 = Matrix.random(1, HIDDEN, 0.1, rng).toArray();
            double[][] w2 = Matrix.random(HIDDEN, OUTPUTS, Math.sqrt(2.0 / HIDDEN), rng).toArray();
            double[][] b2 = Matrix.random(1, OUTPUTS, 0.1, rng).toArray();
            double[][] x = Matrix.random(batch, INPUTS, 1.0, rng).toArray();
            int[] labels = rng.ints(batch, 0, OUTPUTS).toArray();
            return new Net(w1, b1, w2, b2, x, labels);
        }

        Net withScaledW2(double factor) {
            return new Net(w1, b1, Matrix.of(w2).scale(factor).toArray(), b2, x, labels);
        }

        int batch() {
            return x.length;
        }

        int parameterCount() {
            return INPUTS * HIDDEN + HIDDEN + HIDDEN * OUTPUTS + OUTPUTS;
        }

        double[][] parameter(int index) {
            return new double[][][] {w1, b1, w2, b2}[index];
        }

        double[][] oneHot() {
            double[][] y = new double[batch()][OUTPUTS];
            for (int r = 0; r < y.length; r++) {
                y[r][labels[r]] = 1.0;
            }
            return y;
        }

        /** The loss as a function of parameter {@code index} (0 = W1 .. 3 = b2), the others held fixed. */
        ToDoubleFunction<double[][]> lossOf(int index) {
            SummedCrossEntropy loss = new SummedCrossEntropy(x, labels);
            return switch (index) {
                case 0 -> p -> loss.at(p, b1, w2, b2);
                case 1 -> p -> loss.at(w1, p, w2, b2);
                case 2 -> p -> loss.at(w1, b1, p, b2);
                case 3 -> p -> loss.at(w1, b1, w2, p);
                default -> throw new IllegalArgumentException("parameter index must be 0..3, was " + index);
            };
        }

        double maxAbsLogit() {
            double max = 0;
            for (double[] row : SummedCrossEntropy.logits(SummedCrossEntropy.hidden(x, w1, b1), w2, b2)) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            return max;
        }

        double minAbsHiddenPreActivation() {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : SummedCrossEntropy.preActivations(x, w1, b1)) {
                for (double v : row) {
                    min = Math.min(min, Math.abs(v));
                }
            }
            return min;
        }
    }

    /**
     * The course's loss, {@code -sum_r log softmax(z2)_r[label_r]} with {@code z2 = relu(x W1 + b1) W2 + b2}, over
     * plain arrays: one full forward pass per call, about {@code batch * 784 * 128} multiply-adds, looping so that
     * the inner loop runs along a contiguous row. Max-shifted log-sum-exp, finite for any finite logits.
     */
    private record SummedCrossEntropy(double[][] x, int[] labels) {

        double at(double[][] w1, double[][] b1, double[][] w2, double[][] b2) {
            double[][] z2 = logits(hidden(x, w1, b1), w2, b2);
            double total = 0;
            for (int r = 0; r < z2.length; r++) {
                total += logSumExp(z2[r]) - z2[r][labels[r]];
            }
            return total;
        }

        static double[][] preActivations(double[][] x, double[][] w1, double[][] b1) {
            double[][] z1 = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                z1[r] = b1[0].clone();
            }
            for (int k = 0; k < w1.length; k++) {
                double[] weights = w1[k];
                for (int r = 0; r < x.length; r++) {
                    double input = x[r][k];
                    double[] z = z1[r];
                    for (int c = 0; c < z.length; c++) {
                        z[c] += input * weights[c];
                    }
                }
            }
            return z1;
        }

        static double[][] hidden(double[][] x, double[][] w1, double[][] b1) {
            double[][] a1 = preActivations(x, w1, b1);
            for (double[] row : a1) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = Math.max(0.0, row[c]);
                }
            }
            return a1;
        }

        static double[][] logits(double[][] a1, double[][] w2, double[][] b2) {
            double[][] z2 = new double[a1.length][];
            for (int r = 0; r < a1.length; r++) {
                double[] z = b2[0].clone();
                for (int k = 0; k < w2.length; k++) {
                    double activation = a1[r][k];
                    double[] weights = w2[k];
                    for (int c = 0; c < z.length; c++) {
                        z[c] += activation * weights[c];
                    }
                }
                z2[r] = z;
            }
            return z2;
        }

        private static double logSumExp(double[] row) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : row) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum);
        }
    }
}
