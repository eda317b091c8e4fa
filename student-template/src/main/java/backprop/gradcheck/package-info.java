/**
 * Exercise {@code mlp-gradient-check} (with {@code backprop.mlp}): numerical gradients by central differences and the
 * relative error used to check analytical gradients. Student file: {@code GradientCheck}.
 */
package backprop.gradcheck;
