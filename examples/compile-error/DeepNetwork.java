package backprop.deep;

import backprop.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Exercise {@code vanishing-gradients}: a fully connected network of any depth. Reference solution; instances are
 * immutable and no method changes its arguments.
 *
 * <p>Layer {@code i} computes {@code z_i = a_{i-1} W_i + b_i} with {@code a_0 = x}; the hidden activation follows
 * every layer but the last, which is linear. The loss is the mean squared error over every output entry.
 */
public final class DeepNetwork {

    private final List<Matrix> weights;
    private final List<Matrix> biases;
    private final Activation hidden;

    /**
     * A network with the given layers, input layer first.
     *
     * @param weights the weights W_1 .. W_L, at least one
     * @param biases  the biases b_1 .. b_L, each {@code 1 x cols(W_i)}
     * @param hidden  the activation after every layer but the last
     * @throws IllegalArgumentException if the lists are empty, differ in length, or the shapes do not chain
     * @throws NullPointerException     if an argument or list entry is null
     */
    public DeepNetwork(List<Matrix> weights, List<Matrix> biases, Activation hidden) {
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.hidden = Objects.requireNonNull(hidden, "hidden activation must not be null");
        if (this.weights.isEmpty() || this.weights.size() != this.biases.size()) {
            throw new IllegalArgumentException("need at least one layer and one bias per weight, got "
                    + this.weights.size() + " weights and " + this.biases.size() + " biases");
        }
        for (int i = 0; i < this.weights.size(); i++) {
            requireLayerShapes(i);
        }
    }

    private void requireLayerShapes(int i) {
        Matrix w = weights.get(i);
        Matrix b = biases.get(i);
        if (b.rows() != 1 || b.cols() != w.cols()) {
            throw new IllegalArgumentException("bias " + i + " must be 1x" + w.cols() + " to match weight " + i
                    + " (" + shape(w) + "), was " + shape(b));
        }
        if (i > 0 && w.rows() != weights.get(i - 1).cols()) {
            throw new IllegalArgumentException("weight " + i + " must have " + weights.get(i - 1).cols()
                    + " rows to follow weight " + (i - 1) + " (" + shape(weights.get(i - 1)) + "), was " + shape(w));
        }
    }

    /**
     * A network with Gaussian weights and zero biases: one {@code new Random(seed)}, weights drawn layer by layer
     * with {@code Matrix.random(sizes[i], sizes[i + 1], std, rng)}.
     *
     * @param sizes  the layer widths, input first; at least two entries, all positive
     * @param hidden the hidden activation
     * @param std    the standard deviation of the weights
     * @param seed   the random seed
     * @return the network, with {@code sizes.length - 1} layers
     * @throws IllegalArgumentException if {@code sizes} has fewer than two entries or a width is not positive
     */
    public static DeepNetwork normalInit(int[] sizes, Activation hidden, double std, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least two layer sizes (input and output), got " + sizes.length);
        }
        Random rng = new Random(seed);
        List<Matrix> weights = new ArrayList<>();
        List<Matrix> biases = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            weights.add(Matrix.random(sizes[i], sizes[i + 1], std, rng));
            biases.add(Matrix.zeros(1, sizes[i + 1]));
        }
        return new DeepNetwork(weights, biases, hidden);
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
     * The forward pass.
     *
     * @param x the inputs, {@code n x size_0}
     * @return the outputs, {@code n x size_L}
     * @throws IllegalArgumentException if {@code x} has the wrong number of columns
     */
    public Matrix forward(Matrix x) {
        Matrix a = x;
        for (int i = 0; i < weights.size(); i++) {
            Matrix z = a.matmul(weights.get(i)).plus(biases.get(i));
            a = isLast(i) ? z : z.map(hidden::apply);
        }
        return a;
    }

    /**
     * The mean squared error {@code (1 / (n * out)) * sum (yPred - yTrue)^2}.
     *
     * @param x     the inputs
     * @param yTrue the targets, {@code n x out}
     * @return the loss
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public double loss(Matrix x, Matrix yTrue) {
        Matrix error = forward(x).minus(requireSameShape(yTrue, x.rows()));
        return error.hadamard(error).sum() / (yTrue.rows() * (double) yTrue.cols());
    }

    /**
     * The gradients of {@link #loss}, input layer first. Starts from {@code (2 / (n * out)) (yPred - yTrue)}, takes
     * the activation derivative at each pre-activation and sums bias gradients over the batch.
     *
     * @param x     the inputs
     * @param yTrue the targets
     * @return dL/dW_i and dL/db_i for every layer
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public DeepGradients backward(Matrix x, Matrix yTrue) {
        int layers = weights.size();
        List<Matrix> inputs = new ArrayList<>(); // a_{i-1}: the input of layer i
        List<Matrix> preActivations = new ArrayList<>();
        Matrix a = x;
        for (int i = 0; i < layers; i++) {
            inputs.add(a);
            Matrix z = a.matmul(weights.get(i)).plus(biases.get(i));
            preActivations.add(z);
            a = isLast(i) ? z : z.map(hidden::apply);
        }
        requireSameShape(yTrue, x.rows());
        Matrix[] dWeights = new Matrix[layers];
        Matrix[] dBiases = new Matrix[layers];
        Matrix dz = a.minus(yTrue).scale(2.0 / (yTrue.rows() * (double) yTrue.cols()));
        for (int i = layers - 1; i >= 0; i--) {
            if (!isLast(i)) {
                dz = dz.hadamard(preActivations.get(i).map(hidden::derivative));
            }
            dWeights[i] = inputs.get(i).transpose().matmul(dz);
            dBiases[i] = dz.sumRows();
            if (i > 0) {
                dz = dz.matmul(weights.get(i).transpose());
            }
        }
        return new DeepGradients(List.of(dWeights), List.of(dBiases));
    }

    /**
     * The Frobenius norm of each {@code dL/dW_i}, input layer first.
     *
     * @param x     the inputs
     * @param yTrue the targets
     * @return one norm per layer
     */
    public double[] weightGradientNorms(Matrix x, Matrix yTrue) {
        List<Matrix> dWeights = backward(x, yTrue).dWeights();
        double[] norms = new double[dWeights.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = dWeights.get(i).norm();
        }
        return norms;
    }

    private boolean isLast(int layer) {
        return layer == weights.size() - 1;
    }

    private Matrix requireSameShape(Matrix yTrue, int batch) {
        int out = weights.get(weights.size() - 1).cols();
        if (yTrue.rows() != batch || yTrue.cols() != out) {
            throw new IllegalArgumentException("yTrue must be " + batch + "x" + out + " to match the batch and the "
                    + "output layer, was " + shape(yTrue));
        }
        return yTrue;
    }

    private static String shape(Matrix m) {
        return m.rows() + "x" + m.cols();
    }
}
