package dev.gradecheck.toolkit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One diagnosis: a misconception code shared by mutants, toolkit and grader (see {@code docs/design.md}), a
 * student-facing sentence that says what is wrong and how to fix it, and the figures behind it.
 *
 * <p>Common number keys: {@code relative_error}, {@code band}, {@code fitted_scale}, {@code expected_shape},
 * {@code actual_shape}, {@code batch_size}. Values are formatted with {@code Locale.ROOT}.
 *
 * @param code    the misconception code, lower-case words joined by {@code -} (e.g. {@code missing-batch-sum})
 * @param text    the student-facing sentence with its hint, never null
 * @param numbers the figures behind the diagnosis; copied into an unmodifiable map with keys sorted, so that output
 *                is stable; null means none
 */
public record Finding(String code, String text, Map<String, String> numbers) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the code is not lower-case words joined by {@code -}
     * @throws NullPointerException     if code or text is null, or numbers holds a null key or value
     */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Finding code must be lower-case words joined by '-', was \""
                    + code + "\"");
        }
        numbers = Collections.unmodifiableMap(new TreeMap<>(numbers == null ? Map.of() : numbers));
    }

    /** A finding without numbers. */
    public Finding(String code, String text) {
        this(code, text, Map.of());
    }

    /**
     * Returns the finding as the compact JSON object the grader reads from a {@code gradecheck.diagnosis} entry:
     * {@code {"code":"...","text":"...","numbers":{...}}}, keys of {@code numbers} sorted, every value a string,
     * non-ASCII characters escaped.
     *
     * @return the JSON text, never null
     */
    public String toJson() {
        return JsonText.of(this);
    }
}
