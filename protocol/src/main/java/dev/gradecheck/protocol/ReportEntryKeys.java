package dev.gradecheck.protocol;

import org.apiguardian.api.API;

/**
 * The JUnit report-entry keys a hidden test publishes its partial credit, diagnoses and figures under, and the grader
 * reads (see {@code docs/design.md}, "Partial credit and diagnoses" and "Figures"). The one definition: the toolkit
 * writes them, the sandbox reads them. Other keys are ignored by the grader.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ReportEntryKeys {

    /** Report-entry key of the test's credit, a decimal fraction in [0, 1]; the last valid one counts. */
    public static final String CREDIT = "gradecheck.credit";

    /** Report-entry key of one diagnosis, a JSON object written by {@link DiagnosisCodec#encode}. */
    public static final String DIAGNOSIS = "gradecheck.diagnosis";

    /** Report-entry key of one figure (a chart for the feedback page), a JSON object written by {@link FigureCodec#encode}. */
    public static final String FIGURE = "gradecheck.figure";

    private ReportEntryKeys() {
    }
}
