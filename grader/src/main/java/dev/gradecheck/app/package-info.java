/**
 * The grader's tasks — {@code grade}, {@code demo}, {@code verify} — as typed {@link dev.gradecheck.app.GradingRequest}s:
 * {@link dev.gradecheck.app.Tasks} calls the {@link dev.gradecheck.Grader} facade and the report writers, prints the
 * summary and returns the {@link dev.gradecheck.app.ExitCode}. The command line ({@code cli}) and the grading server
 * ({@code server}) both build requests and run them here; this package depends on neither of them.
 */
package dev.gradecheck.app;
