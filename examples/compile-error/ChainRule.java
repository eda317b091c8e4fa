package backprop.chainrule;

import java.util.function.DoubleUnaryOperator;

/**
 * Exercise {@code chain-rule}: derivatives of small composite functions by the chain rule, and a numerical
 * derivative to check them. Reference solution.
 */
public final class ChainRule {

    private ChainRule() {
    }

    /**
     * The derivative of {@code L = relu(3x + 1)^2} with respect to {@code x}:
     * {@code dL/dx = 2 relu(u) · relu'(u) · 3} with {@code u = 3x + 1} and {@code relu'(0) = 0}.
     *
     * @param x the input
     * @return dL/dx (42 at x = 2, 0 for x at or below -1/3)
     */
    public static double reluSquareGradient(double x) {
        double u = 3.0 * x + 1.0;
        double r = Math.max(0.0, u);
        double reluDerivative = u > 0.0 ? 1.0 : 0.0;
        return 2.0 * r * reluDerivative * 3.0;
    }

    /**
     * The derivative of {@code L = y^2}, {@code y = sin z}, {@code z = x^2} with respect to {@code x}:
     * {@code dL/dx = 2y · cos z · 2x}.
     *
     * @param x the input
     * @return dL/dx
     */
    public static double sinSquareGradient(double x) {
        double z = x * x;
        double y = Math.sin(z);
        return 2.0 * y * Math.cos(z) * 2.0 * x
    }

    /**
     * The central-difference estimate {@code (f(x + h) - f(x - h)) / (2h)} of {@code f'(x)}.
     *
     * @param f the function, called exactly twice
     * @param x where to differentiate
     * @param h the step, positive
     * @return the estimate of f'(x)
     */
    public static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2.0 * h);
    }
}
