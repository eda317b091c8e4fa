package backprop.gradcheck;

import backprop.linalg.Matrix;
import java.util.function.ToDoubleFunction;

/**
 * Exercise {@code mlp-gradient-check}: numerical gradients and the relative error used to check analytical ones.
 * Reference solution.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * The numerical gradient of {@code f} at {@code x} by central differences, entry by entry:
     * {@code g_rc = (f(x + h e_rc) - f(x - h e_rc)) / (2h)}. {@code x} is never changed.
     *
     * @param f the scalar function
     * @param x where to differentiate
     * @param h the step, positive
     * @return the gradient, with the shape of {@code x}
     * @throws IllegalArgumentException if {@code h} is not positive and finite
     */
    public static Matrix numericalGradient(ToDoubleFunction<Matrix> f, Matrix x, double h) {
        if (!(h > 0.0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("step h must be positive and finite, was " + h);
        }
        double[][] gradient = new double[x.rows()][x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                double v = x.get(r, c);
                double up = f.applyAsDouble(x.with(r, c, v + h));
                double down = f.applyAsDouble(x.with(r, c, v - h));
                gradient[r][c] = (up - down) / (2.0 * h);
            }
        }
        return Matrix.of(gradient);
    }

    /**
     * The relative error {@code ||a - n|| / (||a|| + ||n||)} with Frobenius norms; 0 when both are all-zero.
     *
     * @param analytical the gradient computed by the chain rule
     * @param numerical  the numerical gradient
     * @return the relative error, in [0, 1]
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double relativeError(Matrix analytical, Matrix numerical) {
        if (analytical.rows() != numerical.rows() || analytical.cols() != numerical.cols()) {
            throw new IllegalArgumentException("relativeError: shape mismatch: analytical is " + analytical.rows() + "x"
                    + analytical.cols() + " but numerical is " + numerical.rows() + "x" + numerical.cols());
        }
        double denominator = analytical.norm() + numerical.norm();
        if (denominator == 0.0) {
            return 0.0;
        }
        return analytical.minus(numerical).norm() / denominator;
    }
}
