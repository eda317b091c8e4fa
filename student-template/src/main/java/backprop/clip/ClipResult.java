package backprop.clip;

import backprop.linalg.Matrix;
import java.util.List;

/**
 * The result of gradient clipping.
 *
 * <p>Provided code: students use it but never edit it. The list is copied, unmodifiable and holds no nulls.
 *
 * @param gradients the clipped gradients, in the order given
 * @param totalNorm the global norm of the gradients BEFORE clipping
 */
public record ClipResult(List<Matrix> gradients, double totalNorm) {

    /** @throws NullPointerException if the list or one of its entries is null */
    public ClipResult {
        gradients = List.copyOf(gradients);
    }
}
