package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.Chromium;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedback.html} as a student sees it: {@code examples/typical-mistake} (plus a broken, hostile line in
 * {@code ChainRule.java}) graded by {@code grade} in real child JVMs, the page opened in headless Chromium (Debian's
 * {@code chromium}; {@code .ci/run} installs it), and the assertions made on the DOM the browser built, after
 * parsing and layout: scores, misconceptions, the bars of the charts, the student's marked line, and no element the
 * student's text smuggled in. A screenshot is kept at {@code grader/target/screenshots/feedback.png}.
 *
 * <p>Without Chromium the test is skipped on a developer's machine, and fails on CI ({@code CI=true}), where it must
 * be installed. Every Chromium process it starts is ended, descendants first.
 */
class FeedbackPageBrowserIT {

    private static final Path TYPICAL_MISTAKE = RepoCourse.root().resolve("examples/typical-mistake");
    /** Appended to ChainRule.java: a compile error on a line full of markup, control and bidi characters. */
    private static final String HOSTILE_LINE = "/* </details></pre><script>alert(1)</script>\"><img src=x"
            + " onerror=alert(2)> \u001B[31mred\u001B[0m \u202Eevil\u202C */ int broken";

    @TempDir
    static Path temp;

    private static Path page;
    private static Document dom;

    @BeforeAll
    static void gradeAndOpenInChromium() throws Exception {
        Chromium chromium = Chromium.requireOrSkip(temp, "feedback page");
        Path out = temp.resolve("out");
        ExitCode code = grade(hostileCopy(), out);
        assertEquals(ExitCode.OK, code);
        page = out.resolve("feedback.html");
        dom = FeedbackHtml.parse(chromium.dumpDom(page));
        Path screenshot = Path.of("target", "screenshots", "feedback.png").toAbsolutePath();
        chromium.screenshot(page, screenshot, 1200, 2000);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page was taken");
    }

    @Test
    void showsTheScoresTheBrowserRendered() {
        assertTrue(dom.getElementById("total").text().startsWith("Score: "), dom.getElementById("total").text());
        assertEquals("0 / 10", section("chain-rule").selectFirst(".score").text(), "the hostile line does not compile");
        assertEquals("10 / 15", section("vanishing-gradients").selectFirst(".score").text());
        assertEquals("20.2 / 25", section("mlp-gradient-check").selectFirst(".score").text());
    }

    @Test
    void namesTheMisconceptionWithItsExplanation() {
        Element misconception = section("mlp-gradient-check").selectFirst(".misconception[data-code=missing-batch-sum]");
        assertTrue(misconception != null, section("mlp-gradient-check").text());
        assertTrue(misconception.text().length() > "missing-batch-sum: ".length() + 20, misconception.text());
    }

    @Test
    void drawsTheVanishingGradientNormsForSigmoidAndReluBesideTheReference() {
        List<Element> charts = section("vanishing-gradients").select("figure.chart");
        assertEquals(1, charts.size());
        Element chart = charts.get(0);
        assertEquals(4 * 11, chart.select("svg rect.bar").size(), "11 layers x (your + reference) x (SIGMOID, RELU)");
        assertEquals(2 * 11, chart.select("svg rect.bar.reference").size());
        assertTrue(chart.select("text.tick").eachText().stream().allMatch(tick -> tick.startsWith("1e")),
                "a log scale: " + chart.select("text.tick").eachText());
        assertEquals(List.of("your SIGMOID", "reference SIGMOID", "your RELU", "reference RELU"),
                chart.select("text.legend").eachText());
    }

    @Test
    void drawsEachGradientsRelativeErrorAgainstThePassBar() {
        List<Element> charts = section("mlp-gradient-check").select("figure.chart");
        assertEquals(3, charts.size(), "one per central-differences test");
        for (Element chart : charts) {
            assertEquals(4, chart.select("svg rect.bar").size() + chart.select("svg text.missing").size(),
                    "dW1, db1, dW2, db2: a bar each, or n/a where the error could not be computed");
            assertTrue(chart.select("svg rect.bar").size() >= 2, "dW1 and dW2 are right: " + chart.text());
            assertEquals(1, chart.select("svg line.threshold").size());
            assertEquals(List.of("dW1", "db1", "dW2", "db2"),
                    chart.select("text.category").stream().map(Element::ownText).toList());
        }
    }

    @Test
    void showsTheStudentsBrokenLineMarkedAndAsText() {
        Element marked = section("chain-rule").selectFirst(".finding tr.marked");
        assertTrue(marked != null, section("chain-rule").html());
        String line = marked.text();
        assertTrue(line.contains("</details></pre><script>alert(1)</script>\"><img src=x onerror=alert(2)>"), line);
        assertTrue(line.contains("[U+202E]evil[U+202C]") && line.contains("red"), line);
    }

    @Test
    void noElementOfTheStudentsTextReachedTheBrowsersTree() {
        assertEquals(List.of(), FeedbackHtml.problems(dom.outerHtml()));
        assertTrue(dom.select("script, img").isEmpty());
        assertEquals(dom.select("details.output").size() + dom.select("figure.chart details").size(),
                dom.select("details").size(), "only the page's own folds");
    }

    private static Element section(String exercise) {
        Element section = dom.getElementById("exercise-" + exercise);
        assertTrue(section != null, "no section for " + exercise);
        return section;
    }

    private static Path hostileCopy() throws IOException {
        Path copy = temp.resolve("hostile-typical-mistake");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TYPICAL_MISTAKE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        Files.writeString(copy.resolve("ChainRule.java"), "\n" + HOSTILE_LINE + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return copy;
    }

    private static ExitCode grade(Path submission, Path out) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Main.run(print, print, "--course", RepoCourse.root().toString(), "grade", submission.toString(),
                "--exercise", "chain-rule", "--exercise", "mlp-gradient-check", "--exercise", "vanishing-gradients",
                "--out", out.toString());
    }
}
