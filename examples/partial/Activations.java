package backprop.deep;

/**
 * Exercise {@code vanishing-gradients}: the course's activation functions.
 *
 * <ul>
 *   <li>{@link #SIGMOID}: {@code 1 / (1 + e^-z)}, derivative {@code s (1 - s)} with {@code s = sigmoid(z)};
 *       stable for large {@code |z|} (no overflow or NaN).</li>
 *   <li>{@link #RELU}: {@code max(0, z)}, derivative 1 for {@code z > 0} and 0 otherwise (so {@code RELU'(0) = 0}).</li>
 *   <li>{@link #TANH}: {@code tanh z}, derivative {@code 1 - tanh^2 z}.</li>
 * </ul>
 *
 * <p>Student file: implement both methods for every constant (a {@code switch (this)} or one body per constant).
 */
public enum Activations implements Activation {
    /** The logistic sigmoid. */
    SIGMOID,
    /** The rectified linear unit. */
    RELU,
    /** The hyperbolic tangent. */
    TANH;

    @Override
    public double apply(double z) {
        throw new UnsupportedOperationException("TODO: implement Activations." + name() + ".apply");
    }

    @Override
    public double derivative(double z) {
        throw new UnsupportedOperationException("TODO: implement Activations." + name() + ".derivative");
    }
}
