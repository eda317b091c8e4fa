package dev.gradecheck.api;

import dev.gradecheck.protocol.DiagnosisCodec;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A named misconception found by a hidden test, e.g. {@code missing-batch-sum}.
 *
 * @param code stable code, lower-case words joined by {@code -}: the rule of {@link DiagnosisCodec}, the one the
 *             toolkit makes findings with
 * @param text the sentence a student reads: what is wrong and how to fix it
 * @param numbers the figures behind it (relative error, fitted scale, shapes), keys sorted for stable output
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Diagnosis(String code, String text, Map<String, String> numbers) {

    public Diagnosis {
        DiagnosisCodec.requireCode(code, "Diagnosis");
        Objects.requireNonNull(text, "text");
        numbers = Map.copyOf(new TreeMap<>(numbers == null ? Map.of() : numbers));
    }
}
