package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.ReportSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@code dashboard.html} from a class summary fixture ({@code src/test/resources/dashboard/class.json}, valid against
 * {@code class.schema.json}) whose student ids, titles, explanations and reasons are attacks: markup, a
 * {@code javascript:} URL, a path out of the output folder, ANSI and bidi controls. Read back with jsoup.
 */
class DashboardPageWriterTests {

    private static final String SCRIPT_ID = "\"><script>alert(1)</script>";
    private static final String BIDI_ID = "bob\u202Eevil\u202C";
    /** A feedback page link as the dashboard may write it: one plain folder, then {@code feedback.html}. */
    private static final Pattern FEEDBACK_LINK = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9._@-]*/feedback\\.html");

    /**
     * Folders as {@code ClassSources.safeName} makes them, but for two a writer must not trust: one that climbs out
     * of the output folder and one that is a script URL.
     */
    private static final Map<String, String> FOLDERS = Map.of(
            "alice", "alice",
            "../../etc", "_._.._etc",
            "javascript:alert(1)", "javascript_alert_1_",
            SCRIPT_ID, "__script_alert_1___script_",
            BIDI_ID, "../../bob",
            "mallory", "javascript:alert(2)");

    private final DashboardPageWriter writer = new DashboardPageWriter();

    @Test
    void theFixtureIsAClassSummaryAsTheSchemaDescribesIt() {
        assertEquals(List.of(), ReportSchema.classErrors(fixture()));
    }

    @Test
    void drawsOneHistogramBarPerBinWithTheBinsCount() {
        Element histogram = page().getElementById("histogram");

        assertEquals(10, histogram.select("svg rect.bar").size());
        assertEquals("students — 90–100: 2", histogram.select("svg rect.bar").last().selectFirst("title").text());
        assertEquals("0–10", histogram.select("text.category").first().ownText());
        assertEquals("Mean 72.5 · median 85 · lowest 0 · highest 100 (out of 100)", page().getElementById("class-scores").text());
    }

    @Test
    void showsEachExercisesMeanMedianAndFullMarksShare() {
        Element row = page().selectFirst("#exercises tr[data-exercise=mlp-gradient-check]");

        assertEquals(List.of("MLP gradient check mlp-gradient-check", "25", "20.25", "22.5", "0", "25", "40%"),
                row.select("td").eachText());
        assertEquals("Chain rule <b>bold</b> chain-rule",
                page().selectFirst("#exercises tr[data-exercise=chain-rule] td").text(), "a title is text, not markup");
        assertEquals(List.of("Why do gradients vanish? vanishing-gradients/explanation", "5", "2", "3", "3.5"),
                page().select("#manual-items tr").get(1).select("td").eachText());
    }

    @Test
    void showsEachTestsPassRateAsTextAndAsAMeter() {
        List<Element> rows = page().select("#tests tr.test-row");

        assertEquals(3, rows.size());
        assertEquals(List.of("ChainRuleHiddenTests.relu", "5", "5", "3", "1", "60%"),
                rows.get(1).select("td").eachText());
        assertEquals("72.0", rows.get(1).selectFirst("rect.meter-bar").attr("width"), "60% of 120");
        assertEquals("0.0", rows.get(2).selectFirst("rect.meter-bar").attr("width"));
    }

    @Test
    void listsEachMisconceptionWithHowManyWhoAndTheExplanation() {
        Document page = page();
        List<Element> rows = page.select("#misconception-table tr.misconception-row");

        assertEquals(List.of("missing-batch-sum", "sign-flipped"), rows.stream().map(r -> r.attr("data-code")).toList());
        Element first = rows.get(0);
        assertEquals("3", first.select("td").get(1).text());
        assertEquals(List.of("../../etc", "alice", SCRIPT_ID), first.select("td.who .student").eachText());
        assertEquals("db1 is not summed over the batch </td></tr></table><script>alert(5)</script>"
                + " Known bug: bias gradient of one row", first.select("td").get(3).text());
        Element chart = page.getElementById("misconception-chart");
        assertEquals(2, chart.select("svg rect.bar").size());
        assertEquals(List.of("missing-batch-sum", "sign-flipped"),
                chart.select("text.category").stream().map(Element::ownText).toList());
    }

    @Test
    void linksEachStudentToTheirFeedbackPageInTheirOwnFolder() {
        Document page = page();

        assertEquals(List.of("_._.._etc/feedback.html", "alice/feedback.html", "__script_alert_1___script_/feedback.html"),
                page.select("#misconception-table tr.misconception-row").get(0).select("td.who a").eachAttr("href"));
        assertEquals("javascript_alert_1_/feedback.html",
                page.selectFirst("#misconception-table tr[data-code=sign-flipped] td.who a").attr("href"));
        for (Element link : page.select("a")) {
            assertTrue(FEEDBACK_LINK.matcher(link.attr("href")).matches(), link.outerHtml());
        }
    }

    @Test
    void aFolderThatIsNoPlainFolderNameGetsNoLink() {
        Document page = page();

        Element timedOut = page.selectFirst("#timeouts tr:nth-child(2) td .student");
        assertEquals("span", timedOut.normalName(), "../../bob climbs out of the output folder: " + timedOut.outerHtml());
        Element refused = page.selectFirst("#grading-errors tr:nth-child(2) td .student");
        assertEquals("mallory", refused.text());
        assertEquals("span", refused.normalName(), "javascript:alert(2) is no folder: " + refused.outerHtml());
        Element unknown = page.selectFirst("#grading-errors tr:nth-child(3) td .student");
        assertEquals("span", unknown.normalName(), "a student without a folder: " + unknown.outerHtml());
        assertFalse(page.html().contains("javascript:alert(2)"));
    }

    @Test
    void showsTimeoutsGradingErrorsAndTheSlowestSubmissions() {
        Document page = page();

        assertEquals(List.of("bob[U+202E]evil[U+202C] ChainRuleHiddenTests#relu"),
                page.select("#timeouts tr").stream().skip(1).map(Element::text).toList());
        assertEquals(List.of("mallory the zip is corrupt: \"><img src=x onerror=alert(2)> red",
                        "zed the submission is empty"),
                page.select("#grading-errors tr").stream().skip(1).map(Element::text).toList());
        assertEquals(List.of(SCRIPT_ID + " 4.2 s", "alice 3.1 s"),
                page.select("#slowest tr").stream().skip(1).map(Element::text).toList());
        assertEquals(SCRIPT_ID, page.getElementById("integrity-flagged").text());
        assertEquals("timing", page.getElementById("slowest").attr("data-varies"),
                "durations are marked as what differs between two runs");
    }

    @Test
    void noTextOfTheClassBecomesAnElementAndThePageNeedsNothingFromOutside() {
        String html = writer.render(fixture(), FOLDERS);
        Document page = FeedbackHtml.parse(html);

        assertEquals(List.of(), FeedbackHtml.problems(html, link -> FEEDBACK_LINK.matcher(link).matches()));
        assertTrue(page.select("script, img, b, iframe").isEmpty());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; img-src data:",
                page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
        assertEquals(page.select("figure.chart details").size(), page.select("details").size(), "only the charts' folds");
    }

    @Test
    void aClassWithoutMisconceptionsOrProblemsSaysSo() {
        String quiet = fixture().replaceAll("(?s)\"misconceptions\": \\[.*?\\n  \\],", "\"misconceptions\": [],")
                .replaceAll("(?s)\"timeouts\": \\[.*?\\n  \\],", "\"timeouts\": [],")
                .replaceAll("(?s)\"grading_errors\": \\[.*?\\n  \\],", "\"grading_errors\": [],")
                .replaceAll("(?s)\"integrity_flagged\": \\[.*?\\]", "\"integrity_flagged\": []");
        assertEquals(List.of(), ReportSchema.classErrors(quiet));
        Document page = FeedbackHtml.parse(writer.render(quiet, FOLDERS));

        assertEquals("No test named a misconception.", page.selectFirst("#misconceptions p").text());
        assertEquals("Every submission was graded; no test ran out of time.", page.selectFirst("#problems p").text());
        assertTrue(page.select("#misconception-chart, #timeouts, #grading-errors").isEmpty());
    }

    @Test
    void theSameSummaryGivesTheSamePage() {
        assertEquals(writer.render(fixture(), FOLDERS), writer.render(fixture(), Map.copyOf(FOLDERS)));
    }

    @Test
    void refusesWhatIsNoClassSummary() {
        assertThrows(IllegalArgumentException.class, () -> writer.render("[1, 2]", FOLDERS));
    }

    private Document page() {
        return FeedbackHtml.parse(writer.render(fixture(), FOLDERS));
    }

    private static String fixture() {
        try (InputStream in = DashboardPageWriterTests.class.getResourceAsStream("/dashboard/class.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
