/**
 * Report writers, one per format, all from the same {@link dev.gradecheck.api.GradeReport}:
 * {@link dev.gradecheck.report.JsonReportWriter} ({@code report.json}, documented by {@code report.schema.json}),
 * {@link dev.gradecheck.report.GradescopeResultsWriter} (Gradescope's {@code results.json}),
 * {@link dev.gradecheck.report.PrairieLearnResultsWriter} ({@code prairielearn-results.json}),
 * {@link dev.gradecheck.report.ClassroomResultWriter} ({@code classroom-result.json}, GitHub Classroom's step
 * result), {@link dev.gradecheck.report.JUnitXmlWriter} ({@code junit.xml}) and
 * {@link dev.gradecheck.report.TextSummary} (what the command line prints); {@link dev.gradecheck.report.ReportFormat}
 * names the file formats for {@code --format}.
 *
 * <p>Writers are deterministic — stable key order, {@code Locale.ROOT} numbers, time only from the report — and
 * write files atomically (temporary file, then rename), so a reader never sees half a report. The student-facing
 * formats honour each test's and exercise's visibility: Gradescope's carries it for Gradescope to apply; the formats
 * that cannot delay what they show sum every test that is not visible into one unnamed line per exercise
 * ({@code ScoredUnit}), so no hidden name, message or output reaches a student. They keep to the platforms' size
 * limits ({@code OutputLimits}) and say what they cut.
 */
package dev.gradecheck.report;
