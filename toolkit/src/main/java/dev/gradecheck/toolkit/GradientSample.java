package dev.gradecheck.toolkit;

import org.apiguardian.api.API;

/**
 * One sampled coordinate of a numerical gradient.
 *
 * @param row    the row index, at least 0
 * @param column the column index, at least 0
 * @param value  the numerical partial derivative at {@code [row][column]}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GradientSample(int row, int column, double value) {

    /** @throws IllegalArgumentException if an index is negative */
    public GradientSample {
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("GradientSample indices must be >= 0, were [" + row + "]["
                    + column + "]");
        }
    }
}
