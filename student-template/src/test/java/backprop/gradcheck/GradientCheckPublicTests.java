package backprop.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code mlp-gradient-check}; the hidden tests check much more. */
class GradientCheckPublicTests {

    @Test
    void numericalGradientOfTheSumOfSquaresIsTwiceTheInput() {
        Matrix x = Matrix.of(new double[][] {{1.0, -2.0, 0.5}, {3.0, 0.0, -1.5}});
        Matrix gradient = GradientCheck.numericalGradient(m -> m.hadamard(m).sum(), x, 1e-5);
        assertEquals(0.0, GradientCheck.relativeError(x.scale(2.0), gradient), 1e-9);
    }
}
