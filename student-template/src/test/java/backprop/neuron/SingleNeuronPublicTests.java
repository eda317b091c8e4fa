package backprop.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code single-neuron}; the hidden tests check much more. */
class SingleNeuronPublicTests {

    private final SingleNeuron neuron = new SingleNeuron(0.5, 0.1);

    @Test
    void matchesTheReferenceValues() {
        assertEquals(0.6456563062257954, neuron.forward(1.0), 1e-12, "a = sigmoid(0.6)");
        assertEquals(0.023821975807865457, neuron.loss(1.0, 0.8), 1e-12, "L = (a - y)^2");
        NeuronGradients gradients = neuron.backward(1.0, 0.8);
        assertEquals(-0.07062280949881264, gradients.dw(), 1e-12, "dL/dw");
        assertEquals(-0.07062280949881264, gradients.db(), 1e-12, "dL/db");
    }

    @Test
    void forwardIsFiniteForHugePreActivations() {
        SingleNeuron big = new SingleNeuron(1.0, 0.0);
        assertEquals(1.0, big.forward(1000.0), 1e-12);
        assertEquals(0.0, big.forward(-1000.0), 1e-12);
        assertTrue(Double.isFinite(big.backward(-1000.0, 1.0).dw()), "dL/dw at z = -1000 must be finite");
    }
}
