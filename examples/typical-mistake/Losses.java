package backprop.losses;

import backprop.linalg.Matrix;

/**
 * Exercise {@code losses-and-clipping}: loss functions and their gradients. Reference solution.
 * Every method throws {@link IllegalArgumentException} when the two matrices have different shapes.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean squared error over every entry: {@code (1/m) sum (p - t)^2}.
     *
     * @param yPred predictions
     * @param yTrue targets, same shape
     * @return the loss
     */
    public static double mse(Matrix yPred, Matrix yTrue) {
        Matrix error = yPred.minus(requireSameShape("mse", yPred, yTrue));
        return error.hadamard(error).sum() / entries(yPred);
    }

    /**
     * The gradient of {@link #mse}: {@code (2/m)(p - t)}.
     *
     * @param yPred predictions
     * @param yTrue targets, same shape
     * @return the gradient, same shape
     */
    public static Matrix mseGradient(Matrix yPred, Matrix yTrue) {
        return yPred.minus(requireSameShape("mseGradient", yPred, yTrue)).scale(2.0 / entries(yPred));
    }

    /**
     * Row-wise softmax, max-shifted so that {@code exp} never overflows.
     *
     * @param logits one row per example
     * @return probabilities, same shape, rows summing to 1
     */
    public static Matrix softmax(Matrix logits) {
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

    /**
     * Cross-entropy summed over the batch: {@code -sum_ij y_ij log p_ij}; terms with {@code y_ij = 0} add 0.
     *
     * @param probabilities predicted probabilities
     * @param yTrue         targets, same shape
     * @return the loss
     */
    public static double crossEntropy(Matrix probabilities, Matrix yTrue) {
        requireSameShape("crossEntropy", probabilities, yTrue);
        double total = 0.0;
        for (int r = 0; r < yTrue.rows(); r++) {
            for (int c = 0; c < yTrue.cols(); c++) {
                double y = yTrue.get(r, c);
                if (y != 0.0) {
                    total -= y * Math.log(probabilities.get(r, c));
                }
            }
        }
        return total;
    }

    /**
     * The gradient of {@code crossEntropy(softmax(logits), yTrue)} with respect to the logits:
     * {@code softmax(logits) - yTrue}.
     *
     * @param logits one row per example
     * @param yTrue  targets, same shape
     * @return the gradient, same shape
     */
    public static Matrix softmaxCrossEntropyGradient(Matrix logits, Matrix yTrue) {
        return softmax(logits).minus(requireSameShape("softmaxCrossEntropyGradient", logits, yTrue));
    }

    /** Returns {@code second} if it has the shape of {@code first}; plus/minus alone would broadcast a 1-row matrix. */
    private static Matrix requireSameShape(String method, Matrix first, Matrix second) {
        if (first.rows() != second.rows() || first.cols() != second.cols()) {
            throw new IllegalArgumentException("shape mismatch in " + method + ": " + first.rows() + "x" + first.cols()
                    + " and " + second.rows() + "x" + second.cols());
        }
        return second;
    }

    private static double entries(Matrix m) {
        return (double) m.rows() * m.cols();
    }
}
