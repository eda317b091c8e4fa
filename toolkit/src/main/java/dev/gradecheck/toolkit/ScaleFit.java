package dev.gradecheck.toolkit;

/**
 * Least-squares fit {@code actual ~ scale * expected}: {@code scale = <a,e> / <e,e>}, with the relative residual
 * {@code ||a - scale e|| / ||a||} telling whether the actual gradient is an exact multiple of the right one.
 *
 * @param scale    the fitted scale, NaN when the expected values are all zero or not finite
 * @param residual the relative residual, NaN when undefined
 * @param count    how many values were fitted
 */
record ScaleFit(double scale, double residual, int count) {

    /**
     * A residual below this means "an exact multiple": far below what any genuinely different gradient leaves, yet
     * above the error of a central-difference reference (about 1e-9 relative with the default step).
     */
    static final double RESIDUAL_BAR = 1e-6;

    /** A fitted scale within this relative distance of a fingerprint (2, 1/2, -1, n, 1/n) matches it. */
    static final double SCALE_TOLERANCE = 1e-6;

    static ScaleFit of(double[] actual, double[] expected) {
        double scale = Tensors.dot(actual, expected) / Tensors.dot(expected, expected);
        double[] remainder = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            remainder[i] = actual[i] - scale * expected[i];
        }
        return new ScaleFit(scale, Tensors.norm(remainder) / Tensors.norm(actual), actual.length);
    }

    /** @return whether the actual values are (up to {@link #RESIDUAL_BAR}) a multiple of the expected ones */
    boolean isClean() {
        return Double.isFinite(scale) && residual < RESIDUAL_BAR;
    }

    /** @return whether the fit is clean and its scale matches {@code target} within {@link #SCALE_TOLERANCE} */
    boolean matches(double target) {
        return isClean() && Math.abs(scale - target) <= SCALE_TOLERANCE * Math.abs(target);
    }
}
