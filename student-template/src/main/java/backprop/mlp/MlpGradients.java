package backprop.mlp;

import backprop.linalg.Matrix;
import java.util.Objects;

/**
 * The gradients of the {@link Mlp} loss with respect to each parameter; each has the shape of its parameter.
 *
 * <p>Provided code: students use it but never edit it. A tensor you have not computed yet can be returned as
 * {@code Matrix.zeros(rows, cols)} of the right shape: every tensor is graded on its own.
 *
 * @param dW1 dL/dW1, {@code in x h}
 * @param db1 dL/db1, {@code 1 x h}
 * @param dW2 dL/dW2, {@code h x out}
 * @param db2 dL/db2, {@code 1 x out}
 */
public record MlpGradients(Matrix dW1, Matrix db1, Matrix dW2, Matrix db2) {

    /** @throws NullPointerException if any matrix is null */
    public MlpGradients {
        Objects.requireNonNull(dW1, "MlpGradients: dW1 must not be null (use Matrix.zeros for a tensor not computed yet)");
        Objects.requireNonNull(db1, "MlpGradients: db1 must not be null (use Matrix.zeros for a tensor not computed yet)");
        Objects.requireNonNull(dW2, "MlpGradients: dW2 must not be null (use Matrix.zeros for a tensor not computed yet)");
        Objects.requireNonNull(db2, "MlpGradients: db2 must not be null (use Matrix.zeros for a tensor not computed yet)");
    }
}
