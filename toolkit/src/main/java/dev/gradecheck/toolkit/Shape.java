package dev.gradecheck.toolkit;

/** The shape of a rectangular tensor; prints as {@code 5x8}. */
record Shape(int rows, int columns) {

    /**
     * @param tensor a rectangular, non-null tensor (see {@link Tensors#raggedness})
     * @return its shape; {@code 0x0} for no rows
     */
    static Shape of(double[][] tensor) {
        return new Shape(tensor.length, tensor.length == 0 ? 0 : tensor[0].length);
    }

    Shape transposed() {
        return new Shape(columns, rows);
    }

    boolean isSquare() {
        return rows == columns;
    }

    long size() {
        return (long) rows * columns;
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
