package dev.gradecheck.toolkit;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Central differences {@code (f(x + h) - f(x - h)) / 2h} in double precision. Every function works on its own copy
 * of the point, so the caller's array is never modified.
 */
final class CentralDifferences {

    private CentralDifferences() {
    }

    /** @return the full gradient, {@code 2 * rows * columns} evaluations of {@code f} */
    static double[][] gradient(ToDoubleFunction<double[][]> f, double[][] at, double step) {
        double[][] point = Tensors.copy(at);
        double[][] gradient = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            gradient[i] = new double[point[i].length];
            for (int j = 0; j < point[i].length; j++) {
                gradient[i][j] = partial(f, point, i, j, step);
            }
        }
        return gradient;
    }

    /**
     * Differences one coordinate of a working copy, restoring it afterwards. Divides by the step actually taken
     * ({@code (x + h) - (x - h)} after rounding), which is slightly more accurate than {@code 2h} when
     * {@code |x| >> h}.
     */
    static double partial(ToDoubleFunction<double[][]> f, double[][] point, int row, int column, double step) {
        double original = point[row][column];
        double plus = original + step;
        double minus = original - step;
        point[row][column] = plus;
        double upper = f.applyAsDouble(point);
        point[row][column] = minus;
        double lower = f.applyAsDouble(point);
        point[row][column] = original;
        return (upper - lower) / (plus - minus);
    }

    /** @return the derivative of a scalar function, two evaluations */
    static double derivative(DoubleUnaryOperator f, double at, double step) {
        double plus = at + step;
        double minus = at - step;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (plus - minus);
    }

    /** @return the directional derivative of {@code f} at {@code at} along {@code direction}: two evaluations */
    static double alongDirection(ToDoubleFunction<double[][]> f, double[][] at, double[][] direction,
                                 double step) {
        double upper = f.applyAsDouble(Tensors.plusScaled(at, step, direction));
        double lower = f.applyAsDouble(Tensors.plusScaled(at, -step, direction));
        return (upper - lower) / (2 * step);
    }
}
