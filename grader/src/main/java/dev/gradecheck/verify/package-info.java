/**
 * Self-test of an exercise suite ({@code bin/grader verify}): grades the solutions, the untouched template and every
 * known-bug variant through the {@link dev.gradecheck.Grader} facade and checks each against what it must score.
 *
 * <p>{@link dev.gradecheck.verify.SuiteVerifier} does the work and returns a
 * {@link dev.gradecheck.verify.VerificationReport} of rows, one per exercise and variant;
 * {@link dev.gradecheck.verify.VerificationTable} formats it. Depends on the facade (the course through its read-only
 * {@link dev.gradecheck.CourseView}), the course's value records {@code Mutant} and {@code CourseLayout}, and {@code api}
 * only.
 */
package dev.gradecheck.verify;
