package backprop.clip;

import backprop.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise {@code losses-and-clipping}: gradient clipping by the global norm. Reference solution.
 */
public final class GradientClipping {

    /** Keeps the coefficient finite when every gradient is zero. */
    private static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales all gradients by {@code min(1, maxNorm / (total + 1e-6))}, where {@code total} is the global norm
     * {@code sqrt(sum_g ||g||^2)} of all tensors together.
     *
     * @param gradients the gradients, any shapes
     * @param maxNorm   the largest allowed global norm, positive
     * @return the scaled gradients, in the order given, and the global norm before clipping
     * @throws IllegalArgumentException if {@code maxNorm <= 0} or NaN
     */
    public static ClipResult clipByGlobalNorm(List<Matrix> gradients, double maxNorm) {
        if (!(maxNorm > 0.0)) {
            throw new IllegalArgumentException("maxNorm must be positive, was " + maxNorm);
        }
        double total = 0.0;
        for (Matrix g : gradients) {
            total = Math.hypot(total, g.norm()); // sqrt(total^2 + ||g||^2) without overflow
        }
        double coefficient = Math.min(1.0, maxNorm / (total + EPSILON));
        List<Matrix> clipped = new ArrayList<>(gradients.size());
        for (Matrix g : gradients) {
            clipped.add(g.scale(coefficient));
        }
        return new ClipResult(clipped, total);
    }
}
