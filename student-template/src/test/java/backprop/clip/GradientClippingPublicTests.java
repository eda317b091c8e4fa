package backprop.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.linalg.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code losses-and-clipping}; the hidden tests check much more. */
class GradientClippingPublicTests {

    @Test
    void clipsByTheGlobalNormOfAllTensors() {
        // global norm = sqrt(3^2 + 4^2) = 5, although each tensor alone is below the bar
        ClipResult result = GradientClipping.clipByGlobalNorm(
                List.of(Matrix.rowVector(3.0), Matrix.rowVector(4.0)), 4.5);
        double coefficient = 4.5 / (5.0 + 1e-6);
        assertEquals(5.0, result.totalNorm(), 1e-12, "totalNorm is the norm before clipping");
        assertEquals(3.0 * coefficient, result.gradients().get(0).get(0, 0), 1e-12);
        assertEquals(4.0 * coefficient, result.gradients().get(1).get(0, 0), 1e-12);
    }
}
