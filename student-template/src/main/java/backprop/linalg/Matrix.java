package backprop.linalg;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable, row-major matrix of {@code double}s.
 *
 * <p>Every operation returns a new matrix; no method ever changes {@code this} or its arguments, so a matrix
 * can be shared freely (also between threads). Shapes are written {@code rows x cols}. A shape mismatch
 * throws {@link IllegalArgumentException} naming the operation and both shapes, for example
 * {@code shape mismatch in matmul: 4x8 times 2x8}.
 *
 * <p>Provided code: students use it but never edit it; the grader always uses the instructor's copy.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    /** Row-major entries: entry (r, c) is at {@code r * cols + c}. */
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Creates a matrix from rows, copying them deeply (later changes to {@code rows} do not affect the matrix).
     *
     * @param rows the entries, one array per row; all rows must have the same, non-zero length
     * @return a {@code rows.length x rows[0].length} matrix
     * @throws IllegalArgumentException if {@code rows} is null or empty, a row is null or empty, or rows differ in length
     */
    public static Matrix of(double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("Matrix.of: rows must not be null");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("Matrix.of: need at least one row, got none");
        }
        int cols = columnCount(rows);
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Matrix(rows.length, cols, data);
    }

    private static int columnCount(double[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException("Matrix.of: row " + r + " is null");
            }
            if (rows[r].length == 0) {
                throw new IllegalArgumentException("Matrix.of: row " + r + " is empty; every row needs at least one entry");
            }
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException("Matrix.of: ragged rows: row 0 has " + rows[0].length
                        + " entries but row " + r + " has " + rows[r].length);
            }
        }
        return rows[0].length;
    }

    /**
     * Creates a matrix of zeros.
     *
     * @throws IllegalArgumentException if {@code rows} or {@code cols} is not positive
     */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /**
     * Creates a {@code 1 x n} row vector.
     *
     * @throws IllegalArgumentException if {@code values} is null or empty
     */
    public static Matrix rowVector(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Matrix.rowVector: need at least one value");
        }
        return new Matrix(1, values.length, values.clone());
    }

    /**
     * Creates a matrix of Gaussian random entries: each entry is {@code std * rng.nextGaussian()}, drawn in
     * row-major order, so the same {@code rng} state always gives the same matrix.
     *
     * @throws IllegalArgumentException if a dimension is not positive or {@code rng} is null
     */
    public static Matrix random(int rows, int cols, double std, Random rng) {
        checkShape(rows, cols);
        if (rng == null) {
            throw new IllegalArgumentException("Matrix.random: rng must not be null");
        }
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = std * rng.nextGaussian();
        }
        return new Matrix(rows, cols, data);
    }

    private static void checkShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("matrix shape must be positive, was " + rows + "x" + cols);
        }
    }

    /** Number of rows (at least 1). */
    public int rows() {
        return rows;
    }

    /** Number of columns (at least 1). */
    public int cols() {
        return cols;
    }

    /**
     * Entry at ({@code row}, {@code col}), zero-based.
     *
     * @throws IndexOutOfBoundsException if the position is outside the matrix
     */
    public double get(int row, int col) {
        return data[index(row, col)];
    }

    /**
     * A copy of this matrix with one entry replaced.
     *
     * @throws IndexOutOfBoundsException if the position is outside the matrix
     */
    public Matrix with(int row, int col, double value) {
        int i = index(row, col);
        double[] copy = data.clone();
        copy[i] = value;
        return new Matrix(rows, cols, copy);
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("position (" + row + ", " + col + ") is outside a " + shape() + " matrix");
        }
        return row * cols + col;
    }

    /**
     * Matrix product {@code this · other}: {@code (r x k)(k x c) = r x c}.
     *
     * @throws IllegalArgumentException if {@code this.cols() != other.rows()}
     */
    public Matrix matmul(Matrix other) {
        if (cols != other.rows) {
            throw mismatch("matmul", "times", other);
        }
        double[] out = new double[rows * other.cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                double a = data[r * cols + k];
                for (int c = 0; c < other.cols; c++) {
                    out[r * other.cols + c] += a * other.data[k * other.cols + c];
                }
            }
        }
        return new Matrix(rows, other.cols, out);
    }

    /** The transpose: a {@code cols x rows} matrix with entry (c, r) = this (r, c). */
    public Matrix transpose() {
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new Matrix(cols, rows, out);
    }

    /**
     * Element-wise sum. {@code other} has the same shape, or is a {@code 1 x cols} row vector that is added to
     * every row (broadcasting, like a bias).
     *
     * @throws IllegalArgumentException if the shapes are neither equal nor broadcastable
     */
    public Matrix plus(Matrix other) {
        return broadcast("plus", other, 1.0);
    }

    /**
     * Element-wise difference, with the same shape rules as {@link #plus(Matrix)}.
     *
     * @throws IllegalArgumentException if the shapes are neither equal nor broadcastable
     */
    public Matrix minus(Matrix other) {
        return broadcast("minus", other, -1.0);
    }

    private Matrix broadcast(String operation, Matrix other, double sign) {
        boolean sameShape = rows == other.rows && cols == other.cols;
        boolean rowVector = other.rows == 1 && other.cols == cols;
        if (!sameShape && !rowVector) {
            throw mismatch(operation, "and", other);
        }
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            int otherRow = sameShape ? r : 0;
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = data[r * cols + c] + sign * other.data[otherRow * cols + c];
            }
        }
        return new Matrix(rows, cols, out);
    }

    /**
     * Element-wise (Hadamard) product of two matrices of the same shape.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix hadamard(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw mismatch("hadamard", "and", other);
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] * other.data[i];
        }
        return new Matrix(rows, cols, out);
    }

    /** Every entry multiplied by {@code k}. */
    public Matrix scale(double k) {
        return map(v -> k * v);
    }

    /** {@code f} applied to every entry, in row-major order. */
    public Matrix map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, out);
    }

    /** Column sums as a {@code 1 x cols} row vector (NumPy {@code sum(axis=0)}): sums over the rows (the batch). */
    public Matrix sumRows() {
        double[] out = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c] += data[r * cols + c];
            }
        }
        return new Matrix(1, cols, out);
    }

    /** Sum of all entries. */
    public double sum() {
        double total = 0.0;
        for (double v : data) {
            total += v;
        }
        return total;
    }

    /**
     * Frobenius norm: the square root of the sum of squared entries. Entries are scaled by the largest magnitude
     * first, so very large or very small entries neither overflow nor underflow.
     */
    public double norm() {
        double largest = 0.0;
        for (double v : data) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest == 0.0 || !Double.isFinite(largest)) {
            return largest; // 0, infinity, or NaN (Math.max propagates NaN)
        }
        double squares = 0.0;
        for (double v : data) {
            double scaled = v / largest;
            squares += scaled * scaled;
        }
        return largest * Math.sqrt(squares);
    }

    /** The entries as a new {@code double[rows][cols]} (a deep copy). */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
        }
        return out;
    }

    private String shape() {
        return rows + "x" + cols;
    }

    private IllegalArgumentException mismatch(String operation, String joiner, Matrix other) {
        return new IllegalArgumentException(
                "shape mismatch in " + operation + ": " + shape() + " " + joiner + " " + other.shape());
    }

    /**
     * Equal when the shapes are equal and every entry is exactly equal, compared as {@link Arrays#equals(double[],
     * double[])} does: {@code NaN} equals {@code NaN}, but {@code 0.0} and {@code -0.0} differ. Use a tolerance, not
     * {@code equals}, to compare computed gradients.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix other && rows == other.rows && cols == other.cols && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** The shape and the values, for example {@code Matrix 2x2 [[1.0, 2.0], [3.0, 4.0]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Matrix ").append(shape()).append(" [");
        for (int r = 0; r < rows; r++) {
            text.append(r == 0 ? "" : ", ").append(Arrays.toString(Arrays.copyOfRange(data, r * cols, (r + 1) * cols)));
        }
        return text.append(']').toString();
    }
}
