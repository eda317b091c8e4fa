package backprop.mlp;

import backprop.linalg.Matrix;
import java.util.Objects;

/**
 * The intermediate values of one forward pass of {@link Mlp}, kept so that the backward pass need not recompute
 * them. For a batch of {@code n} rows, a hidden width {@code h} and {@code out} classes:
 *
 * <p>Provided code: students use it but never edit it.
 *
 * @param z1    hidden pre-activation {@code x W1 + b1}, {@code n x h}
 * @param a1    hidden activation {@code relu(z1)}, {@code n x h}
 * @param z2    output logits {@code a1 W2 + b2}, {@code n x out}
 * @param yPred row-wise softmax of {@code z2}, {@code n x out}
 */
public record MlpCache(Matrix z1, Matrix a1, Matrix z2, Matrix yPred) {

    /** @throws NullPointerException if any matrix is null */
    public MlpCache {
        Objects.requireNonNull(z1, "MlpCache: z1 must not be null");
        Objects.requireNonNull(a1, "MlpCache: a1 must not be null");
        Objects.requireNonNull(z2, "MlpCache: z2 must not be null");
        Objects.requireNonNull(yPred, "MlpCache: yPred must not be null");
    }
}
