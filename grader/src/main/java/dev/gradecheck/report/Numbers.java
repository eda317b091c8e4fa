package dev.gradecheck.report;

import dev.gradecheck.scoring.Points;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the writers: 2 decimals at most, no trailing zeros, {@code Locale.ROOT}. */
final class Numbers {

    private Numbers() {
    }

    /** {@code 3}, {@code 3.2}, {@code 33.33}: the value rounded to 2 decimals, as JSON and text show it. */
    static String format(double value) {
        return Points.format(value);
    }

    /** The value as a JSON number: a {@link Long} when whole, else a {@link Double} rounded to 2 decimals. */
    static Number json(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() <= 0 ? (Number) rounded.longValueExact() : (Number) rounded.doubleValue();
    }

    /** Seconds with 2 decimals from milliseconds, e.g. {@code 4210 -> 4.21}. */
    static Number seconds(long millis) {
        return json(millis / 1000.0);
    }
}
