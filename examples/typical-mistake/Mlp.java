package backprop.mlp;

import backprop.linalg.Matrix;
import java.util.Objects;

/**
 * Exercise {@code mlp-gradient-check}: a two-layer perceptron (ReLU hidden layer, softmax output, cross-entropy
 * summed over the batch). Reference solution; instances are immutable and no method changes its arguments.
 *
 * <p>Shapes, for a batch of {@code n} rows: {@code x: n x in}, {@code W1: in x h}, {@code b1: 1 x h},
 * {@code W2: h x out}, {@code b2: 1 x out}, {@code yTrue: n x out}.
 */
public final class Mlp {

    private final Matrix w1;
    private final Matrix b1;
    private final Matrix w2;
    private final Matrix b2;

    /**
     * A network with the given parameters.
     *
     * @throws IllegalArgumentException if the shapes do not fit together; the message names the parameters
     * @throws NullPointerException     if a parameter is null
     */
    public Mlp(Matrix w1, Matrix b1, Matrix w2, Matrix b2) {
        this.w1 = Objects.requireNonNull(w1, "W1 must not be null");
        this.b1 = Objects.requireNonNull(b1, "b1 must not be null");
        this.w2 = Objects.requireNonNull(w2, "W2 must not be null");
        this.b2 = Objects.requireNonNull(b2, "b2 must not be null");
        requireShape("b1", b1, 1, w1.cols(), "to match W1 (" + shape(w1) + ")");
        if (w2.rows() != w1.cols()) {
            throw new IllegalArgumentException("W2 must have " + w1.cols() + " rows to match W1 (" + shape(w1)
                    + "), was " + shape(w2));
        }
        requireShape("b2", b2, 1, w2.cols(), "to match W2 (" + shape(w2) + ")");
    }

    /** First-layer weights, {@code in x h}. */
    public Matrix w1() {
        return w1;
    }

    /** First-layer bias, {@code 1 x h}. */
    public Matrix b1() {
        return b1;
    }

    /** Second-layer weights, {@code h x out}. */
    public Matrix w2() {
        return w2;
    }

    /** Second-layer bias, {@code 1 x out}. */
    public Matrix b2() {
        return b2;
    }

    /**
     * The forward pass: {@code z1 = x W1 + b1}, {@code a1 = relu(z1)}, {@code z2 = a1 W2 + b2},
     * {@code yPred = softmax(z2)} row by row, max-shifted.
     *
     * @param x the inputs, {@code n x in}
     * @return every intermediate value
     * @throws IllegalArgumentException if {@code x} does not have {@code in} columns
     */
    public MlpCache forward(Matrix x) {
        requireInputs(x);
        Matrix z1 = x.matmul(w1).plus(b1);
        Matrix a1 = z1.map(z -> z > 0.0 ? z : 0.0);
        Matrix z2 = a1.matmul(w2).plus(b2);
        return new MlpCache(z1, a1, z2, softmaxRows(z2));
    }

    /**
     * The cross-entropy loss summed over the batch, {@code -sum_ij y_ij log yPred_ij}, computed from the
     * log-softmax so that it stays finite when a probability underflows. Terms with {@code y_ij = 0} add 0.
     *
     * @param x     the inputs, {@code n x in}
     * @param yTrue targets, {@code n x out}
     * @return the loss
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public double loss(Matrix x, Matrix yTrue) {
        Matrix z2 = forward(x).z2();
        requireTargets(yTrue, z2);
        double total = 0.0;
        for (int r = 0; r < z2.rows(); r++) {
            double logSum = logSumExp(z2, r);
            for (int c = 0; c < z2.cols(); c++) {
                double y = yTrue.get(r, c);
                if (y != 0.0) {
                    total -= y * (z2.get(r, c) - logSum);
                }
            }
        }
        return total;
    }

    /**
     * The gradients of {@link #loss} from the cached forward values: {@code dz2 = yPred - yTrue},
     * {@code dW2 = a1^T dz2}, {@code db2 = sumRows(dz2)}, {@code dz1 = (dz2 W2^T) ⊙ [z1 > 0]},
     * {@code dW1 = x^T dz1}, {@code db1 = sumRows(dz1)}.
     *
     * @param x     the inputs, {@code n x in}
     * @param yTrue targets, {@code n x out}
     * @param cache the result of {@code forward(x)}
     * @return dL/dW1, dL/db1, dL/dW2, dL/db2
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public MlpGradients backward(Matrix x, Matrix yTrue, MlpCache cache) {
        requireInputs(x);
        requireTargets(yTrue, cache.yPred());
        Matrix dz2 = cache.yPred().minus(yTrue);
        Matrix dW2 = cache.a1().transpose().matmul(dz2);
        Matrix db2 = dz2;
        Matrix reluMask = cache.z1().map(z -> z > 0.0 ? 1.0 : 0.0);
        Matrix dz1 = dz2.matmul(w2.transpose()).hadamard(reluMask);
        Matrix dW1 = x.transpose().matmul(dz1);
        Matrix db1 = dz1;
        return new MlpGradients(dW1, db1, dW2, db2);
    }

    private static Matrix softmaxRows(Matrix logits) {
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
        return Matrix.of(p);
    }

    /** {@code log sum_c exp(z_rc)}, max-shifted so it neither overflows nor underflows to -infinity. */
    private static double logSumExp(Matrix z, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.cols(); c++) {
            max = Math.max(max, z.get(row, c));
        }
        double sum = 0.0;
        for (int c = 0; c < z.cols(); c++) {
            sum += Math.exp(z.get(row, c) - max);
        }
        return max + Math.log(sum);
    }

    private void requireInputs(Matrix x) {
        if (x.cols() != w1.rows()) {
            throw new IllegalArgumentException("x must have " + w1.rows() + " columns to match W1 (" + shape(w1)
                    + "), was " + shape(x));
        }
    }

    private static void requireTargets(Matrix yTrue, Matrix yPred) {
        requireShape("yTrue", yTrue, yPred.rows(), yPred.cols(), "to match the predictions");
    }

    private static void requireShape(String name, Matrix m, int rows, int cols, String reason) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "x" + cols + " " + reason + ", was " + shape(m));
        }
    }

    private static String shape(Matrix m) {
        return m.rows() + "x" + m.cols();
    }
}
