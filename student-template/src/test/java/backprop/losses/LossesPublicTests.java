package backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code losses-and-clipping}; the hidden tests check much more. */
class LossesPublicTests {

    @Test
    void softmaxRowsSumToOneEvenForHugeLogits() {
        Matrix p = Losses.softmax(Matrix.of(new double[][] {{1.0, 2.0, 3.0}, {1e4, -1e4, 0.0}}));
        for (int r = 0; r < p.rows(); r++) {
            double sum = 0.0;
            for (int c = 0; c < p.cols(); c++) {
                assertTrue(Double.isFinite(p.get(r, c)), "softmax entry (" + r + ", " + c + ") is not finite");
                sum += p.get(r, c);
            }
            assertEquals(1.0, sum, 1e-12, "row " + r);
        }
    }

    @Test
    void mseIsTheMeanOverEveryEntry() {
        Matrix yPred = Matrix.of(new double[][] {{1.0, 2.0}, {3.0, 4.0}});
        Matrix yTrue = Matrix.of(new double[][] {{1.0, 0.0}, {0.0, 4.0}});
        assertEquals((4.0 + 9.0) / 4.0, Losses.mse(yPred, yTrue), 1e-12);
    }
}
