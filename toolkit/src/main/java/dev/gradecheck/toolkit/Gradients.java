package dev.gradecheck.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Numerical gradients, the course's relative error and per-tensor gradient checks with misconception diagnoses, for
 * hidden tests. Tensors are rectangular {@code double[][]}, row-major.
 *
 * <p>Contract for every method: arrays passed in are never modified; the student's gradient ({@code actual},
 * {@code analytical}, the outputs of two passes) may be anything, including null, ragged or NaN, and is diagnosed,
 * never thrown on; the test author's arguments (functions, points, expected tensors, counts) must be valid, otherwise
 * a {@link NullPointerException} or {@link IllegalArgumentException} names the bad argument. Stateless and
 * thread-safe; the functions passed in are called from the calling thread only.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Gradients {

    /**
     * The default step {@code h} of central differences, in double precision. Central differences have a truncation
     * error of about {@code h^2 |f'''| / 6} (1e-10 for h = 1e-5) and a rounding error of about
     * {@code eps |f| / h} (1e-11 for eps = 2.2e-16); their sum is near its minimum around
     * {@code h = eps^(1/3) ~ 6e-6}, four orders of magnitude below {@link #PASS_BAR}, and a small step rarely
     * straddles a ReLU kink.
     */
    public static final double DEFAULT_STEP = 1e-5;

    /** The course's relative-error bar: a gradient passes when its relative error is strictly below it. */
    public static final double PASS_BAR = 1e-5;

    /** Random directions per directional check when none are given. */
    public static final int DEFAULT_DIRECTIONS = 3;

    /** Seed of the directions when none is given, so checks are deterministic. */
    public static final long DEFAULT_SEED = 20_240_601L;

    private Gradients() {
    }

    /**
     * The numerical gradient of {@code f} at {@code at} by central differences with {@link #DEFAULT_STEP}.
     *
     * @see #numerical(ToDoubleFunction, double[][], double)
     */
    public static double[][] numerical(ToDoubleFunction<double[][]> f, double[][] at) {
        return numerical(f, at, DEFAULT_STEP);
    }

    /**
     * The numerical gradient of {@code f} at {@code at} by central differences: {@code 2 * rows * columns}
     * evaluations. {@code f} receives one working copy of {@code at} in which one entry at a time is perturbed and
     * then restored, so {@code f} must not modify its argument (nor keep it).
     *
     * @param f    the scalar function, e.g. a loss of one parameter tensor; never null
     * @param at   the point, rectangular; never modified
     * @param step the step {@code h}, finite and positive
     * @return a new tensor of the shape of {@code at}
     */
    public static double[][] numerical(ToDoubleFunction<double[][]> f, double[][] at, double step) {
        Objects.requireNonNull(f, "f");
        Tensors.requireRectangular(at, "at");
        return CentralDifferences.gradient(f, at, requireStep(step));
    }

    /**
     * The derivative of a scalar function by a central difference with {@link #DEFAULT_STEP}: two evaluations.
     *
     * @param f  the function, never null
     * @param at the point
     * @return {@code (f(at + h) - f(at - h)) / 2h}
     */
    public static double numerical(DoubleUnaryOperator f, double at) {
        return CentralDifferences.derivative(Objects.requireNonNull(f, "f"), at, DEFAULT_STEP);
    }

    /**
     * The numerical gradient at {@code samples} seeded random coordinates only, for tensors too large to difference
     * entry by entry: {@code 2 * min(samples, rows * columns)} evaluations. The same seed always picks the same
     * coordinates. Compare the result with {@link #checkSampled}.
     *
     * @param f       the scalar function, never null; must not modify its argument
     * @param at      the point, rectangular; never modified
     * @param step    the step {@code h}, finite and positive
     * @param samples how many distinct coordinates to sample, at least 1 (all of them if it exceeds the size)
     * @param seed    the seed of the choice
     * @return the full shape and the sampled partial derivatives in row-major order
     */
    public static SampledGradient numerical(ToDoubleFunction<double[][]> f, double[][] at, double step,
                                            int samples, long seed) {
        Objects.requireNonNull(f, "f");
        Shape shape = Tensors.requireRectangular(at, "at");
        requireAtLeastOne(samples, "samples");
        double h = requireStep(step);
        double[][] point = Tensors.copy(at);
        List<GradientSample> sampled = new ArrayList<>();
        for (long index : SampleCoordinates.choose(shape.size(), samples, seed)) {
            int row = (int) (index / shape.columns());
            int column = (int) (index % shape.columns());
            sampled.add(new GradientSample(row, column,
                    CentralDifferences.partial(f, point, row, column, h)));
        }
        return new SampledGradient(shape.rows(), shape.columns(), sampled);
    }

    /**
     * The course's relative error {@code ||a - b|| / (||a|| + ||b||)} in the Frobenius norm; 0 when both are all
     * zero; NaN when an entry is NaN.
     *
     * @param a a rectangular tensor, never null
     * @param b a rectangular tensor of the same shape, never null
     * @throws IllegalArgumentException naming both shapes when they differ
     */
    public static double relativeError(double[][] a, double[][] b) {
        Shape shapeOfA = Tensors.requireRectangular(a, "a");
        Shape shapeOfB = Tensors.requireRectangular(b, "b");
        if (!shapeOfA.equals(shapeOfB)) {
            throw new IllegalArgumentException("relativeError needs tensors of the same shape, got a " + shapeOfA
                    + " and b " + shapeOfB);
        }
        return Tensors.relativeError(Tensors.flatten(a), Tensors.flatten(b));
    }

    /** The course's relative error of two numbers: {@code |a - b| / (|a| + |b|)}, 0 when both are 0. */
    public static double relativeError(double a, double b) {
        return Tensors.relativeError(new double[] {a}, new double[] {b});
    }

    /** @return the band of a relative error; see {@link ErrorBand#of} */
    public static ErrorBand band(double relativeError) {
        return ErrorBand.of(relativeError);
    }

    /**
     * Checks one analytical gradient tensor against the expected one, without batch fingerprints.
     *
     * @see #check(String, double[][], double[][], int)
     */
    public static TensorCheck check(String name, double[][] actual, double[][] expected) {
        return check(name, actual, expected, 1);
    }

    /**
     * Checks one analytical gradient tensor against the expected one and diagnoses what is wrong. Passes iff the
     * shapes match, every entry is finite and the relative error is below {@link #PASS_BAR}; a passing check has no
     * diagnoses. Failures are diagnosed as (first match): {@code wrong-shape} (null, ragged, other shape),
     * {@code transposed}, {@code missing-batch-sum}, {@code non-finite}, {@code all-zero}, {@code transposed}
     * (square), an exact scale ({@code batch-mean}, {@code batch-scaled}, {@code factor-2}, {@code factor-half},
     * {@code sign-flipped}, {@code wrong-scale}) or {@code wrong-values}.
     *
     * @param name      the gradient's name as students know it, e.g. {@code dW1} (names {@code dX} refer to
     *                  parameter {@code X} in sentences)
     * @param actual    the student's gradient; anything, including null
     * @param expected  the right gradient, rectangular, never null (may contain NaN if the loss does)
     * @param batchSize the number of rows of the batch, for the {@code batch-mean} and {@code batch-scaled}
     *                  fingerprints; 1 for none. With a batch of 2 those coincide with factor 1/2 and 2 and are
     *                  reported as batch codes, so prefer batches of 3 or more.
     * @return the verdict, never null
     */
    public static TensorCheck check(String name, double[][] actual, double[][] expected, int batchSize) {
        Objects.requireNonNull(name, "name");
        Tensors.requireRectangular(expected, "expected");
        return Diagnoser.check(name, actual, Reference.full(expected), requireAtLeastOne(batchSize, "batchSize"));
    }

    /** Checks an analytical gradient at the coordinates of a sampled numerical gradient, without batch fingerprints. */
    public static TensorCheck checkSampled(String name, double[][] actual, SampledGradient expected) {
        return checkSampled(name, actual, expected, 1);
    }

    /**
     * Like {@link #check(String, double[][], double[][], int)}, but compares only the sampled coordinates (relative
     * error over the samples); shape diagnoses still use the full shape.
     */
    public static TensorCheck checkSampled(String name, double[][] actual, SampledGradient expected,
                                           int batchSize) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        return Diagnoser.check(name, actual, Reference.sampled(expected), requireAtLeastOne(batchSize, "batchSize"));
    }

    /** A directional check with {@link #DEFAULT_DIRECTIONS} directions and {@link #DEFAULT_SEED}. */
    public static TensorCheck directional(String name, ToDoubleFunction<double[][]> loss, double[][] at,
                                          double[][] analytical) {
        return directional(name, loss, at, analytical, DEFAULT_DIRECTIONS, DEFAULT_SEED);
    }

    /** A directional check without batch fingerprints. */
    public static TensorCheck directional(String name, ToDoubleFunction<double[][]> loss, double[][] at,
                                          double[][] analytical, int directions, long seed) {
        return directional(name, loss, at, analytical, directions, seed, 1);
    }

    /**
     * Projected check for large tensors: for each of {@code directions} seeded Gaussian unit directions {@code u},
     * compares {@code u.g} (g = {@code analytical}) with {@code (L(at + h u) - L(at - h u)) / 2h},
     * {@code h = DEFAULT_STEP}. Uses exactly {@code 2 * directions} evaluations of {@code loss}, whatever the size of
     * the tensor. The relative error is the worst per-direction {@code |a - b| / (|a| + |b|)} and must be below
     * {@link #PASS_BAR} (the bar is not loosened). Shape, NaN and scale diagnoses are those of {@link #check}; the
     * scale is fitted on the projections.
     *
     * @param loss       the loss as a function of this one tensor, never null; called on fresh arrays
     * @param at         the point, rectangular; never modified
     * @param analytical the student's gradient at {@code at}; anything, including null
     * @param directions how many directions, at least 1 (from 2 on, an arbitrary exact scale is recognised)
     * @param seed       the seed of the directions
     * @param batchSize  as in {@link #check(String, double[][], double[][], int)}
     * @return the verdict, never null
     */
    public static TensorCheck directional(String name, ToDoubleFunction<double[][]> loss, double[][] at,
                                          double[][] analytical, int directions, long seed, int batchSize) {
        return directional(name, loss, at, analytical, directions, seed, batchSize, DEFAULT_STEP);
    }

    /**
     * A directional check with an explicit step {@code h} along each unit direction. The rounding error of the
     * difference is about {@code 2.2e-16 |L| / h} while a projection {@code u.g} shrinks like
     * {@code ||g|| / sqrt(size)}, so for a loss that is large (a sum over a big batch) on a very large tensor a step
     * of 1e-4 keeps the correct gradient far below the bar; the default suits up to about 1e5 entries.
     *
     * @param step the step {@code h}, finite and positive
     * @see #directional(String, ToDoubleFunction, double[][], double[][], int, long, int)
     */
    public static TensorCheck directional(String name, ToDoubleFunction<double[][]> loss, double[][] at,
                                          double[][] analytical, int directions, long seed, int batchSize,
                                          double step) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loss, "loss");
        Shape shape = Tensors.requireRectangular(at, "at");
        double h = requireStep(step);
        int batch = requireAtLeastOne(batchSize, "batchSize");
        List<double[][]> units = Directions.gaussianUnit(shape, requireAtLeastOne(directions, "directions"), seed);
        double[] slopes = units.stream()
                .mapToDouble(u -> CentralDifferences.alongDirection(loss, at, u, h)).toArray();
        return Diagnoser.check(name, analytical, Reference.directional(shape, units, slopes), batch);
    }

    /**
     * The number of loss evaluations a directional check with this many directions uses: {@code 2 * directions}.
     * (A full numerical gradient uses {@code 2 * rows * columns}; wrap a loss in {@link EvaluationCounter} to
     * measure.)
     */
    public static long directionalEvaluations(int directions) {
        return 2L * requireAtLeastOne(directions, "directions");
    }

    /**
     * Checks that two backward passes on the same input agree, e.g. to catch a backward that changes its cache.
     * Passes when they are equal or differ by less than {@link #PASS_BAR} (smaller differences change no verdict);
     * otherwise the diagnosis is {@code non-deterministic}.
     *
     * @param name   the gradient's name
     * @param first  the gradient from the first pass; anything, including null
     * @param second the gradient from the second pass; anything, including null
     */
    public static TensorCheck checkRepeatable(String name, double[][] first, double[][] second) {
        return BehaviourChecks.repeatable(Objects.requireNonNull(name, "name"), first, second);
    }

    /**
     * Checks that a tensor handed to the student's code is unchanged, given a copy taken before the call: any
     * changed entry (NaN equals NaN, 0.0 equals -0.0) or shape fails with {@code mutates-input}.
     *
     * @param name   the tensor's name as students know it (e.g. {@code cache.a1}, {@code W1})
     * @param before a copy taken before the call, rectangular, never null
     * @param after  the same tensor after the call; anything, including null
     */
    public static TensorCheck checkUnchanged(String name, double[][] before, double[][] after) {
        return BehaviourChecks.unchanged(Objects.requireNonNull(name, "name"), before, after);
    }

    /** Copies a tensor, e.g. to take the {@code before} of {@link #checkUnchanged}; null stays null. */
    public static double[][] copy(double[][] tensor) {
        return tensor == null ? null : Tensors.copy(tensor);
    }

    private static double requireStep(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be finite and positive, was " + step);
        }
        return step;
    }

    private static int requireAtLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
        return value;
    }
}
