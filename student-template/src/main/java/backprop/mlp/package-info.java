/**
 * Exercise {@code mlp-gradient-check} (25 points, with {@code backprop.gradcheck}): backward pass of a two-layer
 * ReLU/softmax network. Student file: {@code Mlp}; provided: {@code MlpCache}, {@code MlpGradients}.
 */
package backprop.mlp;
