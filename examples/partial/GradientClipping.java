package backprop.clip;

import backprop.linalg.Matrix;
import java.util.List;

/**
 * Exercise {@code losses-and-clipping}: gradient clipping by the global norm.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales all gradients by one common factor so that their global norm is at most about {@code maxNorm}.
     *
     * <p>{@code total = sqrt(sum_g ||g||^2)} over ALL tensors together (not per tensor);
     * {@code coefficient = min(1, maxNorm / (total + 1e-6))}; every tensor is multiplied by {@code coefficient}.
     * An empty list gives an empty list and norm 0. The arguments are not changed.
     *
     * @param gradients the gradients, any shapes
     * @param maxNorm   the largest allowed global norm, positive
     * @return the scaled gradients, in the order given, and {@code total} (the norm BEFORE clipping)
     * @throws IllegalArgumentException if {@code maxNorm <= 0} or NaN
     */
    public static ClipResult clipByGlobalNorm(List<Matrix> gradients, double maxNorm) {
        throw new UnsupportedOperationException("TODO: implement GradientClipping.clipByGlobalNorm");
    }
}
