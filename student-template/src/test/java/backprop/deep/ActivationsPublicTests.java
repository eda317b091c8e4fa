package backprop.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code vanishing-gradients}; the hidden tests check much more. */
class ActivationsPublicTests {

    @Test
    void valuesAndDerivativesAtZero() {
        assertEquals(0.5, Activations.SIGMOID.apply(0.0), 1e-12);
        assertEquals(0.25, Activations.SIGMOID.derivative(0.0), 1e-12);
        assertEquals(0.0, Activations.RELU.apply(0.0), 0.0);
        assertEquals(0.0, Activations.RELU.derivative(0.0), 0.0, "RELU'(0) is 0 by convention");
        assertEquals(0.0, Activations.TANH.apply(0.0), 1e-12);
        assertEquals(1.0, Activations.TANH.derivative(0.0), 1e-12);
    }
}
