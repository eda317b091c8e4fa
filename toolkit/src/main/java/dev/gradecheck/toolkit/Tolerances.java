package dev.gradecheck.toolkit;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Values (losses, activations, norms) compared with a bar of their own, stated in the exercise's statement. The
 * relative error is the course's {@code |a - e| / (|a| + |e|)} ({@link Gradients#relativeError}); a value passes
 * strictly below its bar. When a value misses its bar by less than {@value #NEAR_MISS_FACTOR} times, the message says
 * so and names the likely numerical causes, because the formula is then usually right. Stateless and thread-safe.
 */
@API(status = API.Status.STABLE)
public final class Tolerances {

    /** A relative error below this many times the bar counts as a near miss. */
    public static final double NEAR_MISS_FACTOR = 10.0;

    private Tolerances() {
    }

    /**
     * The course's relative error of two numbers: {@code |a - e| / (|a| + |e|)}, 0 when both are 0, NaN when either
     * is not finite.
     */
    public static double relativeError(double actual, double expected) {
        if (!Double.isFinite(actual) || !Double.isFinite(expected)) {
            return Double.NaN;
        }
        double scale = Math.abs(actual) + Math.abs(expected);
        return scale == 0.0 ? 0.0 : Math.abs(actual - expected) / scale;
    }

    /**
     * Checks one value against its bar.
     *
     * @param name     the value as students know it, e.g. {@code loss (batch 5)}
     * @param bar      the exclusive bar on the relative error, e.g. {@code 1e-6}
     * @return a passed check, or a failed one with a {@code wrong-values} (or {@code non-finite}) diagnosis whose
     *         text gives both numbers, the error, the bar, and for a near miss the likely cause
     */
    public static TensorCheck check(String name, double actual, double expected, double bar) {
        double error = relativeError(actual, expected);
        if (error < bar) {
            return TensorCheck.passed(name, error);
        }
        String code = Double.isFinite(actual) ? "wrong-values" : "non-finite";
        return TensorCheck.failed(name, error, List.of(new Finding(code, describe(name, actual, expected, bar),
                Figures.none().error(error).put("bar", Formats.error(bar)).map())));
    }

    /**
     * Fails the test (like {@code assertEquals}) when the value misses its bar, with the message of
     * {@link #check}.
     *
     * @throws AssertionFailedError if the relative error is not below the bar
     */
    public static void assertClose(String name, double actual, double expected, double bar) {
        TensorCheck check = check(name, actual, expected, bar);
        if (!check.passed()) {
            throw new AssertionFailedError(check.firstDiagnosis().orElseThrow().text(), expected, actual);
        }
    }

    /** {@code loss: expected 1.25, got 1.2500004 — relative error 1.6e-07, the bar is 1e-09 ...}. */
    static String describe(String name, double actual, double expected, double bar) {
        double error = relativeError(actual, expected);
        String head = name + ": expected " + expected + ", got " + actual;
        if (Double.isNaN(error)) {
            return head + " — NaN or infinity never passes: look for log(0), a division by zero or exp overflow.";
        }
        return head + " — relative error " + Formats.error(error) + ", the bar is " + Formats.error(bar)
                + nearMissHint(error, bar).orElse(". The formula differs: re-derive it step by step.");
    }

    /** The hint for a near miss, starting with {@code "; "}; empty when the miss is not near. */
    static Optional<String> nearMissHint(double error, double bar) {
        if (!(error >= bar && error < NEAR_MISS_FACTOR * bar)) {
            return Optional.empty();
        }
        return Optional.of(", missed by a small margin (" + Formats.shortScale(error / bar)
                + " times the bar): the formula is probably right and a numerical detail differs — an epsilon larger"
                + " than 1e-7 added inside a log or a division, float instead of double, a step of your own finite"
                + " difference, or a subtraction of nearly equal numbers that loses digits.");
    }
}
