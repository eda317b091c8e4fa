package dev.gradecheck.toolkit;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A numerical gradient known only at sampled coordinates, for tensors too large to difference entry by entry.
 * Carries the full tensor's shape so that {@link Gradients#checkSampled} can still diagnose shape mistakes.
 *
 * @param rows    rows of the full gradient
 * @param columns columns of the full gradient
 * @param samples the sampled coordinates in row-major order, distinct, inside the shape; copied
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampledGradient(int rows, int columns, List<GradientSample> samples) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the shape is negative or a sample lies outside it
     */
    public SampledGradient {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("SampledGradient shape must be >= 0, was " + rows + "x" + columns);
        }
        samples = List.copyOf(samples);
        for (GradientSample sample : samples) {
            if (sample.row() >= rows || sample.column() >= columns) {
                throw new IllegalArgumentException("sample [" + sample.row() + "][" + sample.column()
                        + "] lies outside " + rows + "x" + columns);
            }
        }
    }

    /** @return the sampled numerical values, in sample order */
    public double[] values() {
        return samples.stream().mapToDouble(GradientSample::value).toArray();
    }

    /**
     * Picks the sampled coordinates out of a tensor of this shape.
     *
     * @param tensor a rectangular tensor of shape {@code rows x columns}
     * @return its entries at the sampled coordinates, in sample order
     * @throws ArrayIndexOutOfBoundsException if the tensor is smaller than this shape
     */
    public double[] valuesAt(double[][] tensor) {
        return samples.stream().mapToDouble(s -> tensor[s.row()][s.column()]).toArray();
    }
}
