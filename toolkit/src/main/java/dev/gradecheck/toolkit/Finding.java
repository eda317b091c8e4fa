package dev.gradecheck.toolkit;

import dev.gradecheck.protocol.DiagnosisCodec;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One diagnosis: a misconception code shared by mutants, toolkit and grader (see {@code docs/design.md}), a
 * student-facing sentence that says what is wrong and how to fix it, and the figures behind it.
 *
 * <p>Common number keys: {@code relative_error}, {@code band}, {@code fitted_scale}, {@code expected_shape},
 * {@code actual_shape}, {@code batch_size}. Values are formatted with {@code Locale.ROOT}.
 *
 * @param code    the misconception code, lower-case words joined by {@code -} (e.g. {@code missing-batch-sum}): the
 *                rule of {@link DiagnosisCodec}, the one the grader reads codes with
 * @param text    the student-facing sentence with its hint, never null
 * @param numbers the figures behind the diagnosis; copied into an unmodifiable map with keys sorted, so that output
 *                is stable; null means none
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Finding(String code, String text, Map<String, String> numbers) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the code is not lower-case words joined by {@code -}
     * @throws NullPointerException     if code or text is null, or numbers holds a null key or value
     */
    public Finding {
        DiagnosisCodec.requireCode(code, "Finding");
        Objects.requireNonNull(text, "text");
        numbers = Collections.unmodifiableMap(new TreeMap<>(numbers == null ? Map.of() : numbers));
    }

    /** A finding without numbers. */
    public Finding(String code, String text) {
        this(code, text, Map.of());
    }

    /**
     * Returns the finding as the compact JSON object the grader reads from a {@code gradecheck.diagnosis} entry:
     * {@code {"code":"...","text":"...","numbers":{...}}}, keys of {@code numbers} sorted, every value a string,
     * non-ASCII characters escaped (see {@link DiagnosisCodec#encode}).
     *
     * @return the JSON text, never null
     */
    public String toJson() {
        return DiagnosisCodec.encode(code, text, numbers);
    }
}
