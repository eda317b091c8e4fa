package backprop.deep;

import backprop.linalg.Matrix;
import java.util.List;

/**
 * The gradients of the {@link DeepNetwork} loss, one entry per layer, input layer first. Entry {@code i} has the
 * shape of weight {@code i} (resp. bias {@code i}).
 *
 * <p>Provided code: students use it but never edit it. The lists are copied, unmodifiable and hold no nulls.
 *
 * @param dWeights dL/dW_i for every layer i
 * @param dBiases  dL/db_i for every layer i
 */
public record DeepGradients(List<Matrix> dWeights, List<Matrix> dBiases) {

    /** @throws NullPointerException if a list or one of its entries is null */
    public DeepGradients {
        dWeights = List.copyOf(dWeights);
        dBiases = List.copyOf(dBiases);
    }
}
