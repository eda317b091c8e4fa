package backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Public tests of exercise {@code autograd}; the hidden tests check much more. */
class ValuePublicTests {

    @Test
    void aValueUsedTwiceGetsTheSumOfBothPaths() {
        Value x = new Value(3.0);
        x.mul(x).backward();
        assertEquals(6.0, x.grad(), 1e-12);
    }

    @Test
    void gradientsOfASmallExpression() {
        Value a = new Value(2.0);
        Value b = new Value(-3.0);
        Value c = new Value(10.0);
        Value out = a.mul(b).add(c).relu(); // relu(2 * -3 + 10) = 4
        out.backward();
        assertEquals(4.0, out.data(), 1e-12);
        assertEquals(-3.0, a.grad(), 1e-12);
        assertEquals(2.0, b.grad(), 1e-12);
        assertEquals(1.0, c.grad(), 1e-12);
    }
}
