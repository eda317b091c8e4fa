package dev.gradecheck.toolkit;

import java.util.List;

/**
 * What an analytical gradient is compared against: the expected tensor itself, a sample of its entries, or its
 * projections on random directions. The {@link Diagnoser} works through this view, so every kind of check gets the
 * same shape, NaN and scale diagnoses.
 */
interface Reference {

    /** @return the shape the analytical gradient must have */
    Shape shape();

    /** @return the reference values (never modified by callers) */
    double[] expected();

    /**
     * Maps a candidate gradient to the values compared with {@link #expected()}.
     *
     * @param candidate a rectangular tensor of {@link #shape()}
     * @return as many values as {@link #expected()}
     */
    double[] project(double[][] candidate);

    /**
     * @param projected values returned by {@link #project}
     * @return the relative error of those values against {@link #expected()}, NaN if not finite
     */
    double error(double[] projected);

    /** @return the sentence that explains a non-finite {@link #expected()}, naming the gradient */
    String nonFiniteExpectation(String name);

    /** Compares whole tensors: relative error in the Frobenius norm. */
    static Reference full(double[][] expected) {
        return new FullReference(Shape.of(expected), Tensors.flatten(expected));
    }

    /** Compares the sampled entries only: relative error in the Euclidean norm of the samples. */
    static Reference sampled(SampledGradient expected) {
        return new SampledReference(expected);
    }

    /** Compares projections {@code u.g}: the worst per-direction relative error. */
    static Reference directional(Shape shape, List<double[][]> directions, double[] slopes) {
        return new DirectionalReference(shape, directions, slopes);
    }
}
