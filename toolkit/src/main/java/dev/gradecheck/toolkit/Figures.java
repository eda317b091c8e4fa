package dev.gradecheck.toolkit;

import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link Finding#numbers()} of a diagnosis with the toolkit's standard keys and formats. */
final class Figures {

    private final Map<String, String> numbers = new TreeMap<>();

    private Figures() {
    }

    /** @return empty figures */
    static Figures none() {
        return new Figures();
    }

    /** @return figures holding {@code expected_shape} and, when known, {@code actual_shape} */
    static Figures shapes(Shape expected, Shape actual) {
        Figures figures = new Figures().put("expected_shape", expected.toString());
        return actual == null ? figures : figures.put("actual_shape", actual.toString());
    }

    /** Adds {@code relative_error} and its {@code band}. */
    Figures error(double relativeError) {
        return put("relative_error", Formats.preciseError(relativeError))
                .put("band", ErrorBand.of(relativeError).name());
    }

    /** Adds {@code fitted_scale} when it is finite. */
    Figures scale(double scale) {
        return Double.isFinite(scale) ? put("fitted_scale", Formats.scale(scale)) : this;
    }

    /** Adds {@code batch_size} when a batch was declared. */
    Figures batch(int batchSize) {
        return batchSize > 1 ? put("batch_size", Integer.toString(batchSize)) : this;
    }

    Figures put(String key, String value) {
        numbers.put(key, value);
        return this;
    }

    Map<String, String> map() {
        return numbers;
    }
}
