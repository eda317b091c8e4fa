package dev.gradecheck.report;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.html.FeedbackPage;
import dev.gradecheck.report.html.HtmlPages;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes {@code feedback.html}, the student's feedback page: one self-contained HTML file (inline CSS and SVG, no
 * script, nothing from the network) with, per exercise, the score, every lost point and why, the misconceptions
 * named, the tests' figures, the findings with the student's own lines around {@code file:line}, and each test's
 * output folded away. Shows what a student may see now ({@link FeedbackPage}). Rendered from the template
 * {@code feedback.jte} by jte with HTML escaping. Stateless and thread-safe; the same report gives the same page.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FeedbackPageWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "feedback.html";
    }

    @Override
    public String render(GradeReport report) {
        return HtmlPages.render("feedback.jte", FeedbackPage.of(report));
    }

    /**
     * The page of {@code report} (as graded) with the manual grades given since, by {@code exercise-id/item-id}:
     * each graded item shows the points awarded and the grader's comment, and counts in the scores shown.
     */
    public String render(GradeReport report, Map<String, FeedbackPage.HandGrade> grades) {
        return HtmlPages.render("feedback.jte", FeedbackPage.of(report, grades));
    }
}
