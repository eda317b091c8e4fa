package backprop.neuron;

/**
 * Exercise {@code single-neuron}: one sigmoid neuron {@code a = sigmoid(w x + b)} with the squared-error loss
 * {@code L = (a - yTrue)^2}. Reference solution; instances are immutable.
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
     * The activation {@code a = sigmoid(w x + b)}, finite for every finite pre-activation.
     *
     * @param x the input
     * @return the activation, in [0, 1]
     */
    public double forward(double x) {
        return sigmoid(w * x + b);
    }

    /**
     * The loss {@code L = (a - yTrue)^2}.
     *
     * @param x     the input
     * @param yTrue the target
     * @return the loss
     */
    public double loss(double x, double yTrue) {
        double error = forward(x) - yTrue;
        return error * error;
    }

    /**
     * The gradients of {@link #loss}: {@code dL/dz = 2 (a - yTrue) · a (1 - a)}, {@code dL/dw = dL/dz · x},
     * {@code dL/db = dL/dz}.
     *
     * @param x     the input
     * @param yTrue the target
     * @return dL/dw and dL/db
     */
    public NeuronGradients backward(double x, double yTrue) {
        double a = forward(x);
        double dz = 2.0 * (a - yTrue) * a * (1.0 - a);
        return new NeuronGradients(dz * x, dz);
    }

    /** Stable sigmoid: {@code exp} only ever sees a non-positive argument, so it cannot overflow. */
    private static double sigmoid(double z) {
        if (z >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
