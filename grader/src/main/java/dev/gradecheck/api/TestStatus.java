package dev.gradecheck.api;

import org.apiguardian.api.API;

/** How one hidden test ended. The names, lower-cased, are the {@code status} values of {@code report.json}. */
@API(status = API.Status.STABLE, since = "0.1")
public enum TestStatus {
    /** Ran and earned all its points. */
    PASSED,
    /** Ran to the end, but an assertion failed (or it earned only part of its points). */
    FAILED,
    /** Threw something other than an assertion failure, or the JVM running it died. */
    ERROR,
    /** Exceeded its time limit; the process running it was killed. */
    TIMEOUT,
    /** Never ran: the exercise did not compile, was disqualified, or was not selected. */
    NOT_RUN;

    /** The lower-case name used in JSON reports. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
