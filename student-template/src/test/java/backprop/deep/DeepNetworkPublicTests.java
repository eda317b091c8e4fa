package backprop.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code vanishing-gradients}; the hidden tests check much more. */
class DeepNetworkPublicTests {

    @Test
    void firstWeightGradientAgreesWithCentralDifferences() {
        DeepNetwork network = DeepNetwork.normalInit(new int[] {3, 4, 4, 2}, Activations.TANH, 0.8, 7L);
        Random rng = new Random(11);
        Matrix x = Matrix.random(5, 3, 1.0, rng);
        Matrix y = Matrix.random(5, 2, 1.0, rng);
        Matrix analytical = network.backward(x, y).dWeights().get(0);
        Matrix w = network.weights().get(0);
        double h = 1e-5;
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                double up = withFirstWeight(network, w.with(r, c, w.get(r, c) + h)).loss(x, y);
                double down = withFirstWeight(network, w.with(r, c, w.get(r, c) - h)).loss(x, y);
                assertEquals((up - down) / (2 * h), analytical.get(r, c), 1e-7, "dW_0 at (" + r + ", " + c + ")");
            }
        }
    }

    private static DeepNetwork withFirstWeight(DeepNetwork network, Matrix w) {
        List<Matrix> weights = new ArrayList<>(network.weights());
        weights.set(0, w);
        return new DeepNetwork(weights, network.biases(), Activations.TANH);
    }
}
