package backprop.chainrule;

import java.util.function.DoubleUnaryOperator;

/**
 * Exercise {@code chain-rule}: derivatives of small composite functions by the chain rule, and a numerical
 * derivative to check them.
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}.
 */
public final class ChainRule {

    private ChainRule() {
    }

    /**
     * The derivative of {@code L = relu(3x + 1)^2} with respect to {@code x}.
     *
     * <p>With {@code u = 3x + 1} and {@code r = relu(u) = max(0, u)}:
     * {@code dL/dx = 2 r · relu'(u) · 3}, where {@code relu'(u) = 1} for {@code u > 0} and {@code 0} otherwise
     * (the derivative at the kink {@code u = 0} is taken to be 0). Example: {@code x = 2} gives 42.
     *
     * @param x the input
     * @return dL/dx
     */
    public static double reluSquareGradient(double x) {
        throw new UnsupportedOperationException("TODO: implement ChainRule.reluSquareGradient");
    }

    /**
     * The derivative of {@code L = y^2} with {@code y = sin z} and {@code z = x^2}, with respect to {@code x}:
     * {@code dL/dx = 2y · cos z · 2x}.
     *
     * @param x the input
     * @return dL/dx
     */
    public static double sinSquareGradient(double x) {
        throw new UnsupportedOperationException("TODO: implement ChainRule.sinSquareGradient");
    }

    /**
     * The central-difference estimate of {@code f'(x)}: {@code (f(x + h) - f(x - h)) / (2h)}.
     *
     * <p>Its error shrinks like {@code h^2} (a forward difference only like {@code h}); it is exact on quadratics
     * up to rounding.
     *
     * @param f the function, called exactly twice
     * @param x where to differentiate
     * @param h the step, positive
     * @return the estimate of f'(x)
     */
    public static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        throw new UnsupportedOperationException("TODO: implement ChainRule.centralDifference");
    }
}
