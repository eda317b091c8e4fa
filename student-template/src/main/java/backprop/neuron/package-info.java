/**
 * Exercise {@code single-neuron} (15 points): forward pass, loss and gradients of one sigmoid neuron. Student file:
 * {@code SingleNeuron}; provided: {@code NeuronGradients}.
 */
package backprop.neuron;
