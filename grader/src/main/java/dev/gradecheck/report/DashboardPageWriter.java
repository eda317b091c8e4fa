package dev.gradecheck.report;

import dev.gradecheck.report.html.DashboardPage;
import dev.gradecheck.report.html.HtmlPages;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Renders {@code dashboard.html}, the class dashboard, from the text of {@code class.json}: one self-contained HTML
 * file like the feedback page (the same layout, CSS, SVG charts and Content-Security-Policy; no script, nothing from
 * the network) with the score histogram, per-exercise and per-test figures, the misconception table and chart,
 * timeouts, grading errors and the slowest submissions, each student linked to {@code FOLDER/feedback.html}
 * ({@link DashboardPage}). Rendered from {@code dashboard.jte} by jte with HTML escaping. Stateless and thread-safe;
 * the same summary gives the same page.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DashboardPageWriter {

    /** The page's file name in the batch's output folder. */
    public static final String FILE_NAME = "dashboard.html";

    /**
     * The dashboard of {@code classJson}, the text of a {@code class.json}; {@code folders} maps each student id to
     * the name of the folder (relative to the dashboard) that holds their {@code feedback.html}. A student without a
     * folder, or with one that is not a plain folder name, is shown without a link.
     *
     * @throws IllegalArgumentException if {@code classJson} is not a class summary
     */
    public String render(String classJson, Map<String, String> folders) {
        return HtmlPages.render("dashboard.jte", DashboardPage.of(classJson, folders));
    }
}
