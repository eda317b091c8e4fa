package backprop.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.gradcheck.GradientCheck;
import backprop.linalg.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code mlp-gradient-check}; the hidden tests check much more. */
class MlpPublicTests {

    private static final Matrix X = Matrix.of(new double[][] {{0.5, -1.0, 2.0}, {1.5, 0.3, -0.7}, {-0.2, 0.8, 0.1}});
    private static final Matrix Y = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}});

    private static Mlp network() {
        Random rng = new Random(42);
        return new Mlp(Matrix.random(3, 4, 0.5, rng), Matrix.random(1, 4, 0.5, rng),
                Matrix.random(4, 2, 0.5, rng), Matrix.random(1, 2, 0.5, rng));
    }

    @Test
    void db1IsOneByHidden() {
        Mlp mlp = network();
        MlpGradients gradients = mlp.backward(X, Y, mlp.forward(X));
        assertEquals(1, gradients.db1().rows(), "db1 rows: sum the gradient over the batch");
        assertEquals(4, gradients.db1().cols(), "db1 cols");
    }

    @Test
    void gradientsAgreeWithCentralDifferences() {
        Mlp mlp = network();
        MlpGradients analytical = mlp.backward(X, Y, mlp.forward(X));
        double h = 1e-5;
        Matrix dW1 = GradientCheck.numericalGradient(w -> new Mlp(w, mlp.b1(), mlp.w2(), mlp.b2()).loss(X, Y), mlp.w1(), h);
        Matrix db1 = GradientCheck.numericalGradient(b -> new Mlp(mlp.w1(), b, mlp.w2(), mlp.b2()).loss(X, Y), mlp.b1(), h);
        Matrix dW2 = GradientCheck.numericalGradient(w -> new Mlp(mlp.w1(), mlp.b1(), w, mlp.b2()).loss(X, Y), mlp.w2(), h);
        Matrix db2 = GradientCheck.numericalGradient(b -> new Mlp(mlp.w1(), mlp.b1(), mlp.w2(), b).loss(X, Y), mlp.b2(), h);
        assertTrue(GradientCheck.relativeError(analytical.dW1(), dW1) < 1e-5, "dW1");
        assertTrue(GradientCheck.relativeError(analytical.db1(), db1) < 1e-5, "db1");
        assertTrue(GradientCheck.relativeError(analytical.dW2(), dW2) < 1e-5, "dW2");
        assertTrue(GradientCheck.relativeError(analytical.db2(), db2) < 1e-5, "db2");
    }
}
