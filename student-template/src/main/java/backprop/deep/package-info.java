/**
 * Exercise {@code vanishing-gradients} (15 points, 5 of them for the written answer in {@code ANSWERS.md}): activations
 * and a deep fully connected network whose per-layer gradient norms show why sigmoid gradients vanish. Student files:
 * {@code Activations}, {@code DeepNetwork}; provided: {@code Activation}, {@code DeepGradients}.
 */
package backprop.deep;
