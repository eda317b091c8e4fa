package dev.gradecheck.toolkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for texts, numbers and report entries: always {@code Locale.ROOT}, so output is stable. */
final class Formats {

    private Formats() {
    }

    /** @return e.g. {@code 3.4e-09}, or {@code n/a} for NaN */
    static String error(double relativeError) {
        return Double.isNaN(relativeError) ? "n/a" : String.format(Locale.ROOT, "%.1e", relativeError);
    }

    /** @return e.g. {@code 3.412e-09}, precise enough for the numbers of a finding */
    static String preciseError(double relativeError) {
        return Double.isNaN(relativeError) ? "NaN" : String.format(Locale.ROOT, "%.3e", relativeError);
    }

    /** @return e.g. {@code 0.333333} or {@code 2.00000} */
    static String scale(double scale) {
        return String.format(Locale.ROOT, "%.6g", scale);
    }

    /** @return a short, human form such as {@code 0.3333} or {@code -2} */
    static String shortScale(double scale) {
        return new BigDecimal(scale).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** @return {@code numerator / denominator} as a plain decimal, e.g. {@code 0.75}, {@code 1} */
    static String fraction(long numerator, long denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64)
                .stripTrailingZeros().toPlainString();
    }
}
