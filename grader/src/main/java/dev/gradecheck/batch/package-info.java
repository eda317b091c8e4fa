/**
 * Class grading: {@code bin/grader batch SOURCE --out DIR}. Reads a class of submissions from one of four source forms
 * ({@link ClassSources}), grades each one exactly as {@code bin/grader grade} does, through {@link
 * dev.gradecheck.app.Tasks}, several at once on a small pool of warm graders ({@link GraderLanes}, or a cluster's {@link BatchLanes}), records each
 * finished submission in an append-only journal ({@link Journal}) so that a rerun grades only what is missing or
 * changed, and rebuilds the class outputs from the per-student reports at the end: {@code gradebook.csv} ({@link
 * Gradebook}), {@code class.json} ({@link ClassSummary}), {@code dashboard.html} rendered from it ({@link
 * dev.gradecheck.report.DashboardPageWriter}) and {@code manual.csv} ({@link ManualSheet}). Grades given by
 * hand ({@code --manual}, {@link ManualGrades}) are merged into every output without regrading ({@link ManualMerge}).
 *
 * <p>One way in: {@link Batch#run}. Sits on top of the tasks, beside the server: depends on the task API of {@code
 * app}, the facade, the report writers and the course's model; never on the pipeline, the command line or the
 * server.
 */
package dev.gradecheck.batch;
