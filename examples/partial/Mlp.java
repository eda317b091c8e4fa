package backprop.mlp;

import backprop.linalg.Matrix;

/**
 * Exercise {@code mlp-gradient-check}: a two-layer perceptron with a ReLU hidden layer and a softmax output,
 * trained with cross-entropy, and its backward pass.
 *
 * <p>Shapes, for a batch of {@code n} rows: {@code x: n x in}, {@code W1: in x h}, {@code b1: 1 x h},
 * {@code W2: h x out}, {@code b2: 1 x out}, {@code yTrue: n x out} (one-hot rows).
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 * Instances are immutable; no method changes its arguments.
 */
public final class Mlp {

    private final Matrix w1;
    private final Matrix b1;
    private final Matrix w2;
    private final Matrix b2;

    /**
     * A network with the given parameters.
     *
     * <p>TODO (graded): validate the shapes ({@code b1} is {@code 1 x W1.cols}, {@code W2.rows == W1.cols},
     * {@code b2} is {@code 1 x W2.cols}) and throw an {@link IllegalArgumentException} whose message names the
     * offending parameters and their shapes, for example {@code "b1 must be 1x8 to match W1 (3x8), was 2x8"}.
     *
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public Mlp(Matrix w1, Matrix b1, Matrix w2, Matrix b2) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
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
     * {@code yPred = softmax(z2)} row by row. The softmax must be max-shifted (subtract each row's maximum before
     * {@code exp}) so that large logits do not overflow.
     *
     * @param x the inputs, {@code n x in}
     * @return every intermediate value, for {@link #backward}
     */
    public MlpCache forward(Matrix x) {
        throw new UnsupportedOperationException("TODO: implement Mlp.forward");
    }

    /**
     * The cross-entropy loss SUMMED (not averaged) over the batch: {@code L = -sum_i sum_j y_ij log yPred_ij}.
     * Because it is a sum, {@code dL/dz2 = yPred - yTrue} with no {@code 1/n} factor.
     *
     * @param x     the inputs, {@code n x in}
     * @param yTrue one-hot targets, {@code n x out}
     * @return the loss
     */
    public double loss(Matrix x, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement Mlp.loss");
    }

    /**
     * The gradients of {@link #loss} with respect to W1, b1, W2 and b2, each with the shape of its parameter.
     *
     * <p>Uses the values in {@code cache} (from {@code forward(x)}); it must not run a new forward pass (it may not
     * call {@code forward} or {@code loss}) and must not change its arguments. A bias is shared by every row of the
     * batch, so its gradient is summed over the rows: {@code db1} is {@code 1 x h}, {@code db2} is {@code 1 x out}.
     *
     * @param x     the inputs, {@code n x in}
     * @param yTrue one-hot targets, {@code n x out}
     * @param cache the result of {@code forward(x)}
     * @return dL/dW1, dL/db1, dL/dW2, dL/db2
     */
    public MlpGradients backward(Matrix x, Matrix yTrue, MlpCache cache) {
        throw new UnsupportedOperationException("TODO: implement Mlp.backward");
    }
}
