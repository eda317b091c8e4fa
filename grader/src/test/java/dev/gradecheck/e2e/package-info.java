/**
 * End-to-end tests: real submissions on disk graded against the repository's course, with real child JVMs. Slower
 * than unit tests; they share one {@link dev.gradecheck.Grader} and the cached course build.
 */
package dev.gradecheck.e2e;
