package dev.gradecheck.api;

import java.util.Objects;

/**
 * Something the grader found in a submission before or beside running tests: a missing file, a compile error,
 * a structure rule broken, a forbidden API in the bytecode. Student mistakes are findings, never exceptions.
 *
 * @param rule stable id of what produced it, e.g. {@code missing-file}, {@code compile}, {@code required-api},
 *     {@code forbidden-calls}, {@code forbidden-api}, {@code bytecode}, {@code unreadable-source}
 * @param severity what it costs
 * @param points points deducted when severity is DEDUCT (0 otherwise)
 * @param location where it points
 * @param message what is wrong, one sentence a student can act on
 * @param hint how to fix it; may be empty
 */
public record Finding(String rule, Severity severity, double points, Location location, String message, String hint) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        if (points < 0 || Double.isNaN(points)) {
            throw new IllegalArgumentException("points must be >= 0, was " + points);
        }
    }

    public static Finding warn(String rule, Location location, String message, String hint) {
        return new Finding(rule, Severity.WARN, 0, location, message, hint);
    }

    public static Finding zero(String rule, Location location, String message, String hint) {
        return new Finding(rule, Severity.ZERO, 0, location, message, hint);
    }
}
