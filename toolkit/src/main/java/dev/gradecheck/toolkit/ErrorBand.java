package dev.gradecheck.toolkit;

import org.apiguardian.api.API;

/**
 * How to read a relative error, so that students learn what the number means. Bands are half-open intervals:
 * {@code EXCELLENT < 1e-7 <= PASSES < 1e-5 <= SUSPICIOUS < 1e-2 <= WRONG}. A relative error that is NaN falls in
 * {@link #WRONG}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ErrorBand {
    /** Below 1e-7. */
    EXCELLENT(1e-7, "below 1e-7: the analytical and numerical gradients agree to as many digits as double"
            + " precision and central differences allow"),
    /** From 1e-7 up to the course's bar {@link Gradients#PASS_BAR}. */
    PASSES(1e-5, "between 1e-7 and 1e-5: within the course's bar; typical when the loss has kinks (ReLU)"
            + " or large values"),
    /** From the course's bar up to 1e-2. */
    SUSPICIOUS(1e-2, "between 1e-5 and 1e-2: close but not right; usually one term, one layer or a few entries"
            + " are wrong, or the check stepped across a kink"),
    /** 1e-2 or more, or NaN. */
    WRONG(Double.POSITIVE_INFINITY, "1e-2 or more: the gradient is wrong (formula, scale, sign or shape)");

    private final double upperBound;
    private final String explanation;

    ErrorBand(double upperBound, String explanation) {
        this.upperBound = upperBound;
        this.explanation = explanation;
    }

    /**
     * Returns the band a relative error falls in.
     *
     * @param relativeError a relative error (NaN allowed: {@link #WRONG})
     * @return the band, never null
     */
    public static ErrorBand of(double relativeError) {
        for (ErrorBand band : values()) {
            if (relativeError < band.upperBound) {
                return band;
            }
        }
        return WRONG;
    }

    /** @return the exclusive upper bound of the band ({@code +Infinity} for {@link #WRONG}) */
    public double upperBound() {
        return upperBound;
    }

    /** @return a one-line explanation for students, starting with the band's range */
    public String explanation() {
        return explanation;
    }
}
