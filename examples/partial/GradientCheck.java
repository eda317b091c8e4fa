package backprop.gradcheck;

import backprop.linalg.Matrix;
import java.util.function.ToDoubleFunction;

/**
 * Exercise {@code mlp-gradient-check}: numerical gradients and the relative error used to check analytical ones.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * The numerical gradient of {@code f} at {@code x} by central differences, entry by entry:
     * {@code g_rc = (f(x + h e_rc) - f(x - h e_rc)) / (2h)}, where {@code e_rc} is 1 at ({@code r}, {@code c})
     * and 0 elsewhere. Uses {@link Matrix#with} (matrices are immutable), so {@code x} is never changed.
     *
     * @param f the scalar function, for example {@code w -> new Mlp(w, b1, w2, b2).loss(x, y)}
     * @param x where to differentiate
     * @param h the step, positive (1e-5 is a good default in double precision)
     * @return the gradient, with the shape of {@code x}
     */
    public static Matrix numericalGradient(ToDoubleFunction<Matrix> f, Matrix x, double h) {
        throw new UnsupportedOperationException("TODO: implement GradientCheck.numericalGradient");
    }

    /**
     * The relative error {@code ||a - n|| / (||a|| + ||n||)} with Frobenius norms; 0 when both are all-zero
     * (guard that case: the formula would give 0/0). The course's bar for a correct gradient is {@code < 1e-5}.
     *
     * @param analytical the gradient computed by the chain rule
     * @param numerical  the gradient computed by {@link #numericalGradient}
     * @return the relative error, in [0, 1]
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double relativeError(Matrix analytical, Matrix numerical) {
        throw new UnsupportedOperationException("TODO: implement GradientCheck.relativeError");
    }
}
