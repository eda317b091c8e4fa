package ds.stack;

/** Provided: checks the values a stack may hold. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code value}, which must not be negative. */
    public static int checked(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        return value;
    }
}
