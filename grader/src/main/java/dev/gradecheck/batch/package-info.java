/**
 * Class grading: {@code bin/grader batch SOURCE --out DIR}. Reads a class of submissions from one of four source forms
 * ({@link ClassSources}), grades each one exactly as {@code bin/grader grade} does through the {@link
 * dev.gradecheck.Grader} facade, several at once on a small pool of warm graders ({@link GraderLanes}), records each
 * finished submission in an append-only journal ({@link Journal}) so that a rerun grades only what is missing or
 * changed, and rebuilds the class outputs from the per-student reports at the end: {@code gradebook.csv} ({@link
 * Gradebook}), {@code class.json} ({@link ClassSummary}) and {@code manual.csv} ({@link ManualSheet}). Grades given by
 * hand ({@code --manual}, {@link ManualGrades}) are merged into every output without regrading ({@link ManualMerge}).
 *
 * <p>One way in: {@link Batch#run}. Depends on the facade, the report writers and the course's public records; never
 * on the stages' internals, the command line or the server.
 */
package dev.gradecheck.batch;
