package dev.gradecheck.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named misconception found by a hidden test, e.g. {@code missing-batch-sum}.
 *
 * @param code stable, lower-case, hyphenated code, never blank
 * @param text the sentence a student reads: what is wrong and how to fix it
 * @param numbers the figures behind it (relative error, fitted scale, shapes), keys sorted for stable output
 */
public record Diagnosis(String code, String text, Map<String, String> numbers) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (code.isBlank()) {
            throw new IllegalArgumentException("diagnosis code must not be blank");
        }
        numbers = Map.copyOf(new TreeMap<>(numbers == null ? Map.of() : numbers));
    }
}
