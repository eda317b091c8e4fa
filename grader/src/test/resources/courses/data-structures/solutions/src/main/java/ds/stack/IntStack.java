package ds.stack;

import java.util.Arrays;

/** A stack of ints that grows as needed. */
public final class IntStack {

    private int[] values = new int[8];
    private int size;

    public void push(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int pop() {
        if (size == 0) {
            throw new IllegalStateException("the stack is empty");
        }
        return values[--size];
    }

    public int size() {
        return size;
    }
}
