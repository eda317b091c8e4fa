package backprop.neuron;

/**
 * The gradients of the single-neuron loss with respect to its two parameters.
 *
 * <p>Provided code: students use it but never edit it.
 *
 * @param dw dL/dw
 * @param db dL/db
 */
public record NeuronGradients(double dw, double db) {
}
