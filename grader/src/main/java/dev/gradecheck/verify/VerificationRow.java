package dev.gradecheck.verify;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One line of the verification: one exercise graded as one variant, and what fell short.
 *
 * @param exercise the exercise id
 * @param variant {@code solutions}, {@code template}, or the known-bug variant's misconception code
 * @param kind what was graded
 * @param score the exercise's automatic score; empty when the variant could not be graded at all
 * @param maxScore the exercise's test points (manual items excluded: nothing automatic can earn them)
 * @param expectedCode the misconception code a known-bug variant must be diagnosed with; empty for the others
 * @param foundCodes the distinct diagnosis codes of the exercise's tests, sorted
 * @param problems what fell short, each naming the test or exercise and how; empty when the row is ok
 */
@API(status = API.Status.INTERNAL)
public record VerificationRow(
        String exercise,
        String variant,
        Variant kind,
        OptionalDouble score,
        double maxScore,
        String expectedCode,
        List<String> foundCodes,
        List<String> problems) {

    public VerificationRow {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(score, "score");
        expectedCode = expectedCode == null ? "" : expectedCode;
        foundCodes = List.copyOf(foundCodes);
        problems = List.copyOf(problems);
    }

    /** True when the variant scored as it must. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code ok}, or {@code FAIL: } followed by every problem. */
    public String verdict() {
        return ok() ? "ok" : "FAIL: " + String.join("; ", problems);
    }

    /** {@code chain-rule/forward-difference}: how messages name the row. */
    public String name() {
        return exercise + "/" + variant;
    }
}
