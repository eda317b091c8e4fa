/**
 * Exercise {@code losses-and-clipping} (15 points, with {@code backprop.clip}): numerically careful losses and their
 * gradients. Student file: {@code Losses}.
 */
package backprop.losses;
