/**
 * Test support shared by the grader's tests: the repository's course and its fixtures ({@code RepoCourse}), a tiny
 * course written to disk ({@code TinyCourse}), hand-built reports ({@code SampleReports}), and the checks every
 * report must pass ({@code ReportSchema}, {@code GradescopeSpec}, {@code PrairieLearnSpec}, {@code ClassroomSpec},
 * {@code JUnitXml}, {@code ReportChecks}), the HTML pages read back with jsoup ({@code FeedbackHtml}) and opened in headless
 * Chromium ({@code Chromium}).
 */
package dev.gradecheck.testing;
