package ds.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dscheck.Oracle;
import org.junit.jupiter.api.Test;

class IntStackHiddenTests {

    @Test
    void popsInReverseOrder() {
        IntStack stack = new IntStack();
        int[] pushed = {3, 1, 4, 1, 5};
        for (int value : pushed) {
            stack.push(Numbers.checked(value));
        }
        int[] popped = new int[pushed.length];
        for (int i = 0; i < popped.length; i++) {
            popped[i] = stack.pop();
        }
        assertArrayEquals(Oracle.reversed(pushed), popped);
    }

    /** Needs about 100 MB of heap (the default 256 MB is enough): more than this exercise's limit. */
    @Test
    void holdsTenMillionInts() {
        IntStack stack = new IntStack();
        for (int i = 0; i < 10_000_000; i++) {
            stack.push(i);
        }
        assertEquals(10_000_000, stack.size());
    }

    /** Takes a second: more than its 300 ms limit. */
    @Test
    void answersWithinItsTimeLimit() throws InterruptedException {
        Thread.sleep(1000);
        assertEquals(0, new IntStack().size());
    }
}
