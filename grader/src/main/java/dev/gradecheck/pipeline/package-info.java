/**
 * One grading behind the {@link dev.gradecheck.Grader} facade, as its steps:
 * {@link dev.gradecheck.pipeline.GradingPipeline} takes a scratch folder and child JVMs from the standby pool, opens
 * the submission (intake) and locates its student files, asks the test scheduler for a plan (one group of exercises per
 * child), runs the front stages (compile, structure, bytecode) group by group, starting each group's hidden tests in
 * its child as soon as it is checked, then scores the exercises and assembles the report.
 *
 * <p>Each front-stage check ends in a typed verdict (the tests run against these classes, or not, because), and a
 * finding that keeps the tests from running says so itself ({@link dev.gradecheck.api.Finding#blocksTests()}).
 * Plumbing, not API: only the facade uses this package, which depends on the stages and never the other way round.
 */
package dev.gradecheck.pipeline;
