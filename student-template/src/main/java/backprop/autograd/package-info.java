/**
 * Exercise {@code autograd} (20 points): scalar reverse-mode automatic differentiation. Student file: {@code Value}.
 */
package backprop.autograd;
