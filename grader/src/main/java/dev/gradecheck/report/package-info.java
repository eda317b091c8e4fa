/**
 * Report writers, one per format: {@link dev.gradecheck.report.JsonReportWriter} ({@code report.json}, documented by
 * {@code report.schema.json}), {@link dev.gradecheck.report.GradescopeResultsWriter} (Gradescope's
 * {@code results.json}) and {@link dev.gradecheck.report.TextSummary} (what the command line prints).
 *
 * <p>Writers are deterministic — stable key order, {@code Locale.ROOT} numbers, time only from the report — and
 * write files atomically (temporary file, then rename), so a reader never sees half a report.
 */
package dev.gradecheck.report;
