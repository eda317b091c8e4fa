package dev.gradecheck.api;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

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
 * @param blocksTests whether the exercise's hidden tests must not run because of it: the code uses what graded code
 *     may not (a refused API, in the source or the bytecode), so running it could do what the grader forbids. Only a
 *     {@link Severity#ZERO} finding blocks the tests, so blocking never costs more than the finding itself. Set by the
 *     stage that found it; not part of the written reports
 * @param excerpt the student's lines around {@code location}, for the feedback page; empty when the finding points at
 *     no line of a graded file
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Finding(String rule, Severity severity, double points, Location location, String message, String hint,
                      boolean blocksTests, Optional<SourceExcerpt> excerpt) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        excerpt = excerpt == null ? Optional.empty() : excerpt;
        if (points < 0 || Double.isNaN(points)) {
            throw new IllegalArgumentException("points must be >= 0, was " + points);
        }
        if (blocksTests && severity != Severity.ZERO) {
            throw new IllegalArgumentException("only a finding of severity zero may block the tests, was " + severity
                    + " for " + rule);
        }
    }

    /** A finding without an excerpt of the student's lines. */
    public Finding(String rule, Severity severity, double points, Location location, String message, String hint,
                   boolean blocksTests) {
        this(rule, severity, points, location, message, hint, blocksTests, Optional.empty());
    }

    /** A finding that does not keep the tests from running. */
    public Finding(String rule, Severity severity, double points, Location location, String message, String hint) {
        this(rule, severity, points, location, message, hint, false);
    }

    public static Finding warn(String rule, Location location, String message, String hint) {
        return new Finding(rule, Severity.WARN, 0, location, message, hint);
    }

    public static Finding zero(String rule, Location location, String message, String hint) {
        return new Finding(rule, Severity.ZERO, 0, location, message, hint);
    }

    /**
     * This finding, keeping the exercise's hidden tests from running when it is of severity zero; any other finding
     * as it is (a refused API that the manifest only warns about or deducts for does not stop the tests).
     */
    public Finding blockingTestsIfZero() {
        return severity == Severity.ZERO ? new Finding(rule, severity, points, location, message, hint, true, excerpt)
                : this;
    }

    /** This finding with the student's lines around its location. */
    public Finding withExcerpt(SourceExcerpt lines) {
        return new Finding(rule, severity, points, location, message, hint, blocksTests, Optional.of(lines));
    }
}
