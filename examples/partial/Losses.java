package backprop.losses;

import backprop.linalg.Matrix;

/**
 * Exercise {@code losses-and-clipping}: loss functions and their gradients, numerically careful.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 * Every method throws {@link IllegalArgumentException} when the two matrices have different shapes.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean squared error over every entry: {@code (1/m) sum (p - t)^2}, {@code m} = number of entries.
     *
     * @param yPred predictions
     * @param yTrue targets, same shape
     * @return the loss
     */
    public static double mse(Matrix yPred, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement Losses.mse");
    }

    /**
     * The gradient of {@link #mse} with respect to {@code yPred}: {@code (2/m)(p - t)}.
     *
     * @param yPred predictions
     * @param yTrue targets, same shape
     * @return the gradient, same shape
     */
    public static Matrix mseGradient(Matrix yPred, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement Losses.mseGradient");
    }

    /**
     * Row-wise softmax, max-shifted: {@code p_ij = exp(z_ij - m_i) / sum_k exp(z_ik - m_i)} with {@code m_i} the
     * maximum of row {@code i}. Finite, with rows summing to 1, for {@code |logits|} up to 1e4.
     *
     * @param logits one row per example
     * @return probabilities, same shape
     */
    public static Matrix softmax(Matrix logits) {
        throw new UnsupportedOperationException("TODO: implement Losses.softmax");
    }

    /**
     * Cross-entropy summed over the batch: {@code -sum_ij y_ij log p_ij}. A term with {@code y_ij = 0} adds 0, even
     * when {@code p_ij = 0} (do not compute {@code 0 * log 0}).
     *
     * @param probabilities predicted probabilities
     * @param yTrue         targets (one-hot or soft), same shape
     * @return the loss
     */
    public static double crossEntropy(Matrix probabilities, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement Losses.crossEntropy");
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
        throw new UnsupportedOperationException("TODO: implement Losses.softmaxCrossEntropyGradient");
    }
}
