package dev.gradecheck.course;

import dev.gradecheck.api.Severity;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A structure rule as an exercise manifest declares it; the grader hands it to the structure stage.
 *
 * @param rule the rule id, e.g. {@code required-api}, {@code forbidden-calls}, {@code forbidden-api}
 * @param severity what a finding of this rule costs
 * @param points points deducted per finding when severity is {@code deduct}, else 0
 * @param method the method the rule looks into ({@code fully.qualified.Class#method}), empty when not needed
 * @param calls call patterns the rule forbids, e.g. {@code forward} or {@code GradientCheck.*}
 * @param hint how to fix a finding; may be empty
 */
@API(status = API.Status.INTERNAL)
public record RuleDeclaration(String rule, Severity severity, double points, String method, List<String> calls, String hint) {

    public RuleDeclaration {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        method = method == null ? "" : method;
        calls = List.copyOf(calls == null ? List.of() : calls);
        hint = hint == null ? "" : hint;
    }
}
