package dev.gradecheck.api;

import org.apiguardian.api.API;

/** How an exercise was graded. The names, lower-cased, are the {@code status} values of {@code report.json}. */
@API(status = API.Status.STABLE, since = "0.1")
public enum ExerciseStatus {
    /** The hidden tests ran; the score is their points minus deductions. */
    GRADED,
    /** A finding of severity {@link Severity#ZERO} set the score to 0 (the tests may still have run). */
    ZEROED,
    /** The hidden tests could not run (missing file, compile error, forbidden API); the score is 0. */
    NOT_RUN;

    /** The lower-case name used in JSON reports. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
