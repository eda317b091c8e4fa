package dev.gradecheck.toolkit;

import java.util.Objects;
import java.util.Optional;

/** Small dense-tensor arithmetic on {@code double[][]} and flat {@code double[]}; never modifies its arguments. */
final class Tensors {

    private Tensors() {
    }

    /**
     * @return empty if the tensor is rectangular, otherwise what is wrong with it (null row, rows of different
     * lengths)
     */
    static Optional<String> raggedness(double[][] tensor) {
        for (int i = 0; i < tensor.length; i++) {
            if (tensor[i] == null) {
                return Optional.of("row " + i + " is null");
            }
            if (tensor[i].length != tensor[0].length) {
                return Optional.of("row 0 has " + tensor[0].length + " entries but row " + i + " has "
                        + tensor[i].length);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks an argument supplied by the test author.
     *
     * @return the tensor's shape
     * @throws NullPointerException     if it is null
     * @throws IllegalArgumentException if it is not rectangular
     */
    static Shape requireRectangular(double[][] tensor, String what) {
        Objects.requireNonNull(tensor, what);
        raggedness(tensor).ifPresent(problem -> {
            throw new IllegalArgumentException(what + " must be a rectangular matrix: " + problem);
        });
        return Shape.of(tensor);
    }

    static double[][] copy(double[][] tensor) {
        double[][] copy = new double[tensor.length][];
        for (int i = 0; i < tensor.length; i++) {
            copy[i] = tensor[i].clone();
        }
        return copy;
    }

    static double[] flatten(double[][] tensor) {
        Shape shape = Shape.of(tensor);
        double[] flat = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < shape.rows(); i++) {
            System.arraycopy(tensor[i], 0, flat, i * shape.columns(), shape.columns());
        }
        return flat;
    }

    static double[][] transpose(double[][] tensor) {
        Shape shape = Shape.of(tensor);
        double[][] result = new double[shape.columns()][shape.rows()];
        for (int i = 0; i < shape.rows(); i++) {
            for (int j = 0; j < shape.columns(); j++) {
                result[j][i] = tensor[i][j];
            }
        }
        return result;
    }

    /** @return the 1 x c tensor of column sums */
    static double[][] sumRows(double[][] tensor) {
        double[] sums = new double[Shape.of(tensor).columns()];
        for (double[] row : tensor) {
            for (int j = 0; j < sums.length; j++) {
                sums[j] += row[j];
            }
        }
        return new double[][] {sums};
    }

    /** @return {@code base + factor * direction}, a new tensor */
    static double[][] plusScaled(double[][] base, double factor, double[][] direction) {
        double[][] result = copy(base);
        for (int i = 0; i < result.length; i++) {
            for (int j = 0; j < result[i].length; j++) {
                result[i][j] += factor * direction[i][j];
            }
        }
        return result;
    }

    static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** @return the number of NaN or infinite entries */
    static long countNonFinite(double[][] tensor) {
        long count = 0;
        for (double[] row : tensor) {
            for (double value : row) {
                count += Double.isFinite(value) ? 0 : 1;
            }
        }
        return count;
    }

    static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    static boolean allZero(double[] values) {
        for (double value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Euclidean (Frobenius) norm, scaled by the largest magnitude so that squares neither overflow nor underflow.
     *
     * @return the norm; NaN if any value is NaN, infinity if any is infinite
     */
    static double norm(double[] values) {
        double scale = 0;
        for (double value : values) {
            scale = Math.max(scale, Math.abs(value));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double value : values) {
            sum += (value / scale) * (value / scale);
        }
        return scale * Math.sqrt(sum);
    }

    /** @return {@code ||a - b|| / (||a|| + ||b||)}, 0 when both are all zero; vectors of equal length */
    static double relativeError(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        double denominator = norm(a) + norm(b);
        return denominator == 0 ? 0 : norm(difference) / denominator;
    }
}
