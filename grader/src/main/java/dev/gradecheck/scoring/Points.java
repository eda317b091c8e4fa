package dev.gradecheck.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/** Rounding of points: 2 decimals, half up, independent of locale and of floating-point noise. */
@API(status = API.Status.INTERNAL)
public final class Points {

    private Points() {
    }

    /** {@code 3}, {@code 3.2}, {@code 33.33}: {@code value} rounded to 2 decimals without trailing zeros, as reports show it. */
    public static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code value} rounded to 2 decimals, half up. */
    public static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
