package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.Chromium;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashboard.html} as an instructor sees it: a small class (the solutions, the template, two examples, a
 * known-bug variant, and a roster row without a source) graded by {@code bin/grader batch --jobs 2} on three
 * exercises from a roster CSV whose student ids are attacks — a path out of the output folder, a {@code javascript:}
 * URL, markup — then the page opened in headless Chromium and the assertions made on the DOM the browser built: the histogram's bars, the
 * misconception table against {@code class.json}, the not-gradable row, and every link a plain relative path to a
 * folder of the batch. A screenshot is kept at {@code grader/target/screenshots/dashboard.png}. Skipped without
 * Chromium unless {@code CI=true}.
 */
class DashboardBrowserIT {

    private static final String CLIMBER = "../../etc";
    private static final String SCRIPT_URL = "javascript:alert(1)";
    private static final String MARKUP = "\"><script>alert(1)</script>";
    private static final Pattern FEEDBACK_LINK = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9._@-]*/feedback\\.html");

    @TempDir
    static Path temp;

    private static Path out;
    private static JsonObject summary;
    private static Document dom;

    @BeforeAll
    static void gradeTheClassAndOpenItsDashboard() throws Exception {
        Chromium chromium = Chromium.requireOrSkip(temp, "class dashboard");
        Map<String, Path> made = ClassFixture.submissions(temp.resolve("made"), 5);
        Path variant = ClassFixture.variant("mlp-gradient-check", "missing-batch-sum", temp.resolve("made/variant"));
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "student,source\n"
                + CLIMBER + "," + made.get("solutions") + "\n"
                + SCRIPT_URL + "," + made.get("typical-mistake") + "\n"
                + "\"" + MARKUP.replace("\"", "\"\"") + "\"," + made.get("partial") + "\n"
                + "template," + made.get("template") + "\n"
                + "variant," + variant + "\n"
                + "no-source,\n", StandardCharsets.UTF_8);
        out = temp.resolve("out");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ExitCode code = Main.run(print, print, "--course", RepoCourse.root().toString(), "batch", roster.toString(),
                "--out", out.toString(), "--jobs", "2", "--exercise", "chain-rule", "--exercise", "mlp-gradient-check",
                "--exercise", "vanishing-gradients");
        System.out.printf("dashboard batch of 6, --jobs 2: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(ExitCode.OK, code, log.toString(StandardCharsets.UTF_8));
        summary = Outputs.json(out.resolve("class.json"));
        Path page = out.resolve("dashboard.html");
        dom = FeedbackHtml.parse(chromium.dumpDom(page));
        Path screenshot = Path.of("target", "screenshots", "dashboard.png").toAbsolutePath();
        chromium.screenshot(page, screenshot, 1200, 2600);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page was taken");
    }

    @Test
    void drawsAHistogramBarPerBinHoldingEveryGradedStudent() {
        List<Element> bars = dom.select("#histogram svg rect.bar");

        assertEquals(summary.getAsJsonObject("scores").getAsJsonArray("histogram").size(), bars.size());
        assertEquals(10, bars.size());
        int students = 0;
        for (Element bar : bars) {
            String tooltip = bar.selectFirst("title").text();
            students += Integer.parseInt(tooltip.substring(tooltip.lastIndexOf(' ') + 1));
        }
        assertEquals(5, students, "the five graded students, the roster row without a source is not among them");
    }

    @Test
    void listsEachMisconceptionOfClassJsonWithWhoHasIt() {
        List<Element> rows = dom.select("#misconception-table tr.misconception-row");
        List<String> codes = new ArrayList<>();
        for (JsonElement element : summary.getAsJsonArray("misconceptions")) {
            codes.add(element.getAsJsonObject().get("code").getAsString());
        }

        assertTrue(codes.contains("missing-batch-sum"), codes.toString());
        assertEquals(codes, rows.stream().map(row -> row.attr("data-code")).toList());
        Element batchSum = dom.selectFirst("#misconception-table tr[data-code=missing-batch-sum]");
        assertEquals(List.of(SCRIPT_URL, "variant"), batchSum.select("td.who .student").eachText(),
                "typical-mistake and the known-bug variant sum over the batch wrongly");
        assertEquals(String.valueOf(2), batchSum.select("td").get(1).text());
        assertTrue(batchSum.select("td").get(3).text().length() > 20, "with the explanation: " + batchSum.text());
        assertEquals(codes.size(), dom.select("#misconception-chart svg rect.bar").size());
    }

    @Test
    void showsTheSubmissionThatCouldNotBeGradedWithItsReason() {
        List<Element> rows = dom.select("#grading-errors tr");

        assertEquals(2, rows.size(), "a header and the roster row without a source");
        assertEquals("no-source", rows.get(1).selectFirst(".student").text());
        assertTrue(rows.get(1).selectFirst(".reason").text().contains("no source"), rows.get(1).text());
    }

    @Test
    void everyLinkIsAPlainRelativePathIntoAStudentsFolderOfTheBatch() throws Exception {
        List<String> links = dom.select("a").eachAttr("href");

        assertTrue(links.contains("_._.._etc/feedback.html"), links.toString());
        assertTrue(links.contains("javascript_alert_1_/feedback.html"), links.toString());
        for (String link : links) {
            assertTrue(FEEDBACK_LINK.matcher(link).matches(), link);
            Path folder = out.resolve(link).getParent().normalize();
            assertEquals(out, folder.getParent(), "stays in DIR: " + link);
            assertTrue(Files.isRegularFile(folder.resolve("report.json")), "a student's folder: " + link);
        }
        assertTrue(dom.select("#slowest a.student").eachText().contains(MARKUP), "a hostile id is shown as text");
    }

    @Test
    void noStudentIdBecameAnElement() {
        assertEquals(List.of(), FeedbackHtml.problems(dom.outerHtml(), link -> FEEDBACK_LINK.matcher(link).matches()));
        assertTrue(dom.select("script, img, iframe").isEmpty());
    }
}
