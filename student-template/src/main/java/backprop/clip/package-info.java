/**
 * Exercise {@code losses-and-clipping} (with {@code backprop.losses}): gradient clipping by the global norm. Student file:
 * {@code GradientClipping}; provided: {@code ClipResult}.
 */
package backprop.clip;
