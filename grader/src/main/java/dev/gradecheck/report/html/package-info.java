/**
 * The HTML pages gradecheck writes, and what they share: the page layout and its inline CSS ({@code layout.jte}), SVG
 * charts of {@link dev.gradecheck.api.Figure}s laid out by {@link dev.gradecheck.report.html.SvgChart} and drawn by
 * {@code chart.jte}, the student's code lines ({@code excerpt.jte}), and {@link dev.gradecheck.report.html.HtmlPages},
 * which renders a template with jte. The first page is the student's feedback page
 * ({@link dev.gradecheck.report.html.FeedbackPage}, {@code feedback.jte}); the class dashboard
 * ({@link dev.gradecheck.report.html.DashboardPage}, {@code dashboard.jte}, students linked by {@code student.jte})
 * reuses the layout, the CSS and the charts.
 *
 * <p>Templates live in {@code grader/src/main/jte} and are compiled to Java at build time (jte-maven-plugin, package
 * {@code dev.gradecheck.report.html.templates}), so a template that does not type-check fails the build. They are
 * rendered with {@code ContentType.Html}: every {@code ${...}} is escaped for the HTML context it stands in (text,
 * attribute), which is what keeps student text — messages, code lines, output, names — from becoming markup.
 * {@link dev.gradecheck.report.html.DisplayText} additionally makes control characters, ANSI escapes and Unicode
 * bidirectional controls visible, so student text cannot hide or reorder what a reader sees. Pages are self-contained:
 * no script is needed, nothing is loaded from the network.
 */
package dev.gradecheck.report.html;
