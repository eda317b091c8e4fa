package dev.gradecheck.structure;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A structure rule as an exercise manifest declares it.
 *
 * @param rule {@code required-api}, {@code forbidden-calls} or {@code forbidden-api}
 * @param severity what each finding of the rule costs
 * @param points points each finding deducts when {@code severity} is {@code DEDUCT}
 * @param method for {@code forbidden-calls}: the method to look into, {@code fully.qualified.Class#method}; else empty
 * @param calls for {@code forbidden-calls}: the calls it must not make — a method name ({@code forward}), every method
 *     of a type ({@code GradientCheck.*}) or one method of a type ({@code GradientCheck.relativeError})
 * @param hint how to fix a finding, shown to the student; may be empty (the rule then gives its own)
 */
@API(status = API.Status.INTERNAL)
public record StructureRule(String rule, Severity severity, double points, String method, List<String> calls, String hint) {

    public static final String REQUIRED_API = "required-api";
    public static final String FORBIDDEN_CALLS = "forbidden-calls";
    public static final String FORBIDDEN_API = "forbidden-api";
    /** Every rule id the structure stage knows. */
    public static final Set<String> KNOWN_RULES = Set.of(REQUIRED_API, FORBIDDEN_CALLS, FORBIDDEN_API);

    /** @throws IllegalArgumentException naming the bad value, for an unknown rule or an incomplete forbidden-calls rule */
    public StructureRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        method = method == null ? "" : method.strip();
        calls = List.copyOf(calls == null ? List.of() : calls);
        hint = hint == null ? "" : hint;
        if (!KNOWN_RULES.contains(rule)) {
            throw new IllegalArgumentException("unknown structure rule \"" + rule + "\" — known rules: "
                    + String.join(", ", KNOWN_RULES.stream().sorted().toList()));
        }
        if (!(points >= 0) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("structure rule \"" + rule + "\": points must be >= 0, was " + points);
        }
        if (rule.equals(FORBIDDEN_CALLS)) {
            requireCallsRule(method, calls);
        }
    }

    private static void requireCallsRule(String method, List<String> calls) {
        int hash = method.indexOf('#');
        if (hash <= 0 || hash == method.length() - 1 || method.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException("structure rule \"forbidden-calls\": \"method\" must be written as"
                    + " fully.qualified.Class#method, was \"" + method + "\"");
        }
        if (calls.isEmpty() || calls.stream().anyMatch(call -> call == null || call.isBlank())) {
            throw new IllegalArgumentException("structure rule \"forbidden-calls\" for " + method + ": \"calls\" must list"
                    + " at least one method name or Type.* pattern, was " + calls);
        }
    }

    /** A rule of the given id with default settings; for tests and callers without a manifest. */
    public static StructureRule of(String rule, Severity severity) {
        return new StructureRule(rule, severity, 0, "", List.of(), "");
    }

    /** The points one finding deducts: {@link #points()} for {@code DEDUCT}, else 0. */
    public double pointsPerFinding() {
        return severity == Severity.DEDUCT ? points : 0;
    }

    /** A finding of this rule, with its severity and points; the manifest's hint wins over {@code defaultHint}. */
    Finding finding(Location location, String message, String defaultHint) {
        return new Finding(rule, severity, pointsPerFinding(), location, message, hint.isEmpty() ? defaultHint : hint);
    }
}
