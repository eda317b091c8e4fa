package backprop.deep;

import backprop.linalg.Matrix;
import java.util.List;

/**
 * Exercise {@code vanishing-gradients}: a fully connected network of any depth, used to watch gradients vanish.
 *
 * <p>Layer {@code i} computes {@code z_i = a_{i-1} W_i + b_i} with {@code a_0 = x}; the hidden activation is
 * applied after every layer but the last, which is linear: {@code a_i = hidden(z_i)} for {@code i < L} and
 * {@code yPred = z_L}. Shapes: {@code W_i: size_{i-1} x size_i}, {@code b_i: 1 x size_i}, {@code x: n x size_0}.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 * Instances are immutable; no method changes its arguments.
 */
public final class DeepNetwork {

    private final List<Matrix> weights;
    private final List<Matrix> biases;
    private final Activation hidden;

    /**
     * A network with the given layers, input layer first.
     *
     * @param weights the weights W_1 .. W_L
     * @param biases  the biases b_1 .. b_L, each {@code 1 x cols(W_i)}
     * @param hidden  the activation after every layer but the last
     */
    public DeepNetwork(List<Matrix> weights, List<Matrix> biases, Activation hidden) {
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.hidden = hidden;
    }

    /**
     * A network with Gaussian weights and zero biases, reproducible from {@code seed}.
     *
     * <p>Uses ONE {@code rng = new java.util.Random(seed)} and draws the weights layer by layer, input layer first:
     * {@code W_i = Matrix.random(sizes[i], sizes[i + 1], std, rng)}; every bias is {@code Matrix.zeros(1, sizes[i + 1])}.
     *
     * @param sizes  the layer widths, input first; at least two entries
     * @param hidden the hidden activation
     * @param std    the standard deviation of the weights
     * @param seed   the random seed
     * @return the network, with {@code sizes.length - 1} layers
     */
    public static DeepNetwork normalInit(int[] sizes, Activation hidden, double std, long seed) {
        throw new UnsupportedOperationException("TODO: implement DeepNetwork.normalInit");
    }

    /** The weights, input layer first (unmodifiable). */
    public List<Matrix> weights() {
        return weights;
    }

    /** The biases, input layer first (unmodifiable). */
    public List<Matrix> biases() {
        return biases;
    }

    /**
     * The forward pass (see the class comment): the hidden activation after every layer but the last.
     *
     * @param x the inputs, {@code n x size_0}
     * @return the outputs, {@code n x size_L}
     */
    public Matrix forward(Matrix x) {
        throw new UnsupportedOperationException("TODO: implement DeepNetwork.forward");
    }

    /**
     * The mean squared error over every entry: {@code L = (1 / (n * out)) * sum (yPred - yTrue)^2}.
     *
     * @param x     the inputs, {@code n x size_0}
     * @param yTrue the targets, {@code n x out}
     * @return the loss
     */
    public double loss(Matrix x, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement DeepNetwork.loss");
    }

    /**
     * The gradients of {@link #loss} with respect to every weight and bias, input layer first. Start from
     * {@code dL/dyPred = (2 / (n * out)) (yPred - yTrue)}; the derivative of the hidden activation is taken at the
     * pre-activation {@code z_i}; bias gradients are summed over the batch.
     *
     * @param x     the inputs, {@code n x size_0}
     * @param yTrue the targets, {@code n x out}
     * @return dL/dW_i and dL/db_i for every layer
     */
    public DeepGradients backward(Matrix x, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement DeepNetwork.backward");
    }

    /**
     * The Frobenius norm of each {@code dL/dW_i}, input layer first: how much gradient reaches each layer.
     *
     * @param x     the inputs
     * @param yTrue the targets
     * @return one norm per layer
     */
    public double[] weightGradientNorms(Matrix x, Matrix yTrue) {
        throw new UnsupportedOperationException("TODO: implement DeepNetwork.weightGradientNorms");
    }
}
