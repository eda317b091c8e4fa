/**
 * Values shared by every stage of the grading pipeline: test identities, outcomes, diagnoses, findings.
 *
 * <p>Records and enums only. This package imports nothing else of the grader, so every stage (and the report
 * writers) can depend on it without depending on each other.
 */
package dev.gradecheck.api;
