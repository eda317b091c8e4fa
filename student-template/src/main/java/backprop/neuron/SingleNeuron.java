package backprop.neuron;

/**
 * Exercise {@code single-neuron}: one sigmoid neuron {@code a = sigmoid(w x + b)} with the squared-error loss
 * {@code L = (a - yTrue)^2}, and its gradients by the chain rule.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 * Instances are immutable.
 */
public final class SingleNeuron {

    private final double w;
    private final double b;

    /**
     * A neuron with weight {@code w} and bias {@code b}.
     *
     * @param w the weight
     * @param b the bias
     */
    public SingleNeuron(double w, double b) {
        this.w = w;
        this.b = b;
    }

    /** The weight. */
    public double w() {
        return w;
    }

    /** The bias. */
    public double b() {
        return b;
    }

    /**
     * The activation {@code a = sigmoid(z)} with {@code z = w x + b} and {@code sigmoid(z) = 1 / (1 + e^-z)}.
     *
     * <p>Must be numerically stable: no overflow, infinity or NaN for {@code |z|} up to 1000 (hint: for negative
     * {@code z} use the equivalent form {@code e^z / (1 + e^z)}).
     *
     * @param x the input
     * @return the activation, in [0, 1]
     */
    public double forward(double x) {
        throw new UnsupportedOperationException("TODO: implement SingleNeuron.forward");
    }

    /**
     * The squared-error loss {@code L = (a - yTrue)^2} where {@code a = forward(x)}.
     *
     * @param x     the input
     * @param yTrue the target
     * @return the loss
     */
    public double loss(double x, double yTrue) {
        throw new UnsupportedOperationException("TODO: implement SingleNeuron.loss");
    }

    /**
     * The gradients of {@link #loss(double, double)} by the chain rule:
     * {@code dL/da = 2 (a - yTrue)}, {@code da/dz = sigmoid'(z) = a (1 - a)} (the derivative taken at the
     * pre-activation {@code z}), {@code dz/dw = x}, {@code dz/db = 1}.
     *
     * <p>Reference values: {@code w = 0.5, b = 0.1, x = 1, yTrue = 0.8} gives {@code dL/dw = dL/db =
     * -0.07062280949881264}. Results must be finite wherever {@link #forward(double)} is.
     *
     * @param x     the input
     * @param yTrue the target
     * @return dL/dw and dL/db
     */
    public NeuronGradients backward(double x, double yTrue) {
        throw new UnsupportedOperationException("TODO: implement SingleNeuron.backward");
    }
}
