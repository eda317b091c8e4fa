/**
 * The protocol between the grader, the child runner in its sandbox and the gradient toolkit in hidden tests: the wire
 * format of jobs and signed events ({@link dev.gradecheck.protocol.Wire}), what a warming child reads first
 * ({@link dev.gradecheck.protocol.RehearsalFormat}), the report-entry keys
 * ({@link dev.gradecheck.protocol.ReportEntryKeys}), the diagnosis codec with the one rule for misconception codes
 * ({@link dev.gradecheck.protocol.DiagnosisCodec}) and the figure codec, charts a hidden test draws for the feedback
 * page ({@link dev.gradecheck.protocol.FigureCodec}).
 *
 * <p>A tiny artifact of its own ({@code gradecheck-protocol}) that the toolkit, the child runner and the grader all
 * depend on, so each format is defined once. Depends on JSON-P (Parsson) only. In the child it is part of the
 * runner's module: exported (the toolkit beside the course's classes calls the diagnosis codec), never opened.
 */
package dev.gradecheck.protocol;
