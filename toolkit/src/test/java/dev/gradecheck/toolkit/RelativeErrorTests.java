package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelativeErrorTests {

    @Test
    void isZeroWhenBothAreAllZero() {
        assertEquals(0, Gradients.relativeError(new double[2][3], new double[2][3]));
        assertEquals(0, Gradients.relativeError(0.0, 0.0));
    }

    @Test
    void isZeroForEqualTensorsAndOneForOppositeOnes() {
        double[][] a = {{1, -2}, {3, 4}};

        assertEquals(0, Gradients.relativeError(a, Tensors.copy(a)));
        assertEquals(1, Gradients.relativeError(a, SoftmaxRegression.scaled(a, -1)), 1e-15);
    }

    @Test
    void isOneAgainstZero() {
        assertEquals(1, Gradients.relativeError(new double[][] {{0, 0}}, new double[][] {{1e-30, 0}}));
        assertEquals(1, Gradients.relativeError(5.0, 0.0));
    }

    @Test
    void usesTheFrobeniusNorm() {
        double[][] a = {{3, 0}};
        double[][] b = {{0, 4}};

        assertEquals(5.0 / 7.0, Gradients.relativeError(a, b), 1e-15);
        assertEquals(1.0 / 3.0, Gradients.relativeError(2.0, 1.0), 1e-15);
    }

    @Test
    void neitherOverflowsNorUnderflows() {
        assertEquals(1.0 / 3.0, Gradients.relativeError(new double[][] {{2e300}}, new double[][] {{1e300}}),
                1e-15);
        assertEquals(1.0 / 3.0, Gradients.relativeError(new double[][] {{2e-300}}, new double[][] {{1e-300}}),
                1e-15);
    }

    @Test
    void isNaNWhenAnEntryIsNaN() {
        assertTrue(Double.isNaN(Gradients.relativeError(new double[][] {{Double.NaN}}, new double[][] {{1}})));
    }

    @Test
    void rejectsDifferentShapesNamingBoth() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Gradients.relativeError(new double[5][8], new double[1][8]));

        assertEquals("relativeError needs tensors of the same shape, got a 5x8 and b 1x8", thrown.getMessage());
    }

    @Test
    void bandsAreHalfOpenAtTheirBounds() {
        assertEquals(ErrorBand.EXCELLENT, Gradients.band(0));
        assertEquals(ErrorBand.EXCELLENT, Gradients.band(9.99e-8));
        assertEquals(ErrorBand.PASSES, Gradients.band(1e-7));
        assertEquals(ErrorBand.SUSPICIOUS, Gradients.band(Gradients.PASS_BAR));
        assertEquals(ErrorBand.WRONG, Gradients.band(1e-2));
        assertEquals(ErrorBand.WRONG, Gradients.band(Double.NaN));
        assertEquals(Gradients.PASS_BAR, ErrorBand.PASSES.upperBound());
    }

    @Test
    void everyBandExplainsItselfInOneLine() {
        for (ErrorBand band : ErrorBand.values()) {
            assertTrue(!band.explanation().isBlank() && !band.explanation().contains("\n"), band.name());
        }
    }
}
