/**
 * Rate limits, optional per course: at most {@code K} graded submissions per rolling window, computed on Gradescope
 * from {@code submission_metadata.json}. {@link dev.gradecheck.ratelimit.RateLimitReader} reads the course's limit
 * ({@code course.json}'s {@code "rate_limit"}), {@link dev.gradecheck.ratelimit.SubmissionMetadataReader} the
 * platform's history, {@link dev.gradecheck.ratelimit.RateLimiter} decides from those two alone (never from the
 * clock, so a regrade decides the same), and {@link dev.gradecheck.ratelimit.RateLimitedResults} writes the
 * {@code results.json} of a submission over the limit: the limit, when it resets, the last score, no new feedback.
 * Depends on the JDK and Gson only.
 */
package dev.gradecheck.ratelimit;
