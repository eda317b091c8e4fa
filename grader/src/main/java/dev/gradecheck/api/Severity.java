package dev.gradecheck.api;

import org.apiguardian.api.API;

/** What a finding does to its exercise's score; set by the exercise manifest for structure rules. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Severity {
    /** Shown to the student, costs nothing. */
    WARN,
    /** Subtracts the finding's points from the exercise (never below 0). */
    DEDUCT,
    /** The exercise scores 0. */
    ZERO;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
