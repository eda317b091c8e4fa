package backprop.deep;

/**
 * A scalar activation function together with its derivative.
 *
 * <p>Provided code: students use it but never edit it. {@link Activations} holds the course's implementations;
 * implementations must be stateless, so one instance can serve every layer.
 */
public interface Activation {

    /** The activation value f(z). */
    double apply(double z);

    /** The derivative f'(z), taken at the pre-activation {@code z} (not at the activation f(z)). */
    double derivative(double z);
}
