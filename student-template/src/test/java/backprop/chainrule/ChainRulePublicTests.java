package backprop.chainrule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code chain-rule}; the hidden tests check much more. */
class ChainRulePublicTests {

    @Test
    void reluSquareGradientAtTwoIs42() {
        // u = 3*2 + 1 = 7, dL/dx = 2 * 7 * 1 * 3
        assertEquals(42.0, ChainRule.reluSquareGradient(2.0), 1e-12);
    }

    @Test
    void reluSquareGradientIsZeroWhereTheReluIsOff() {
        assertEquals(0.0, ChainRule.reluSquareGradient(-1.0), 0.0);
    }

    @Test
    void centralDifferenceOfASquareIsExact() {
        assertEquals(6.0, ChainRule.centralDifference(x -> x * x, 3.0, 1e-3), 1e-9);
    }
}
