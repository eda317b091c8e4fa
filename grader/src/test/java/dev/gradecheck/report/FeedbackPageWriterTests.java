package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Figure;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.Visibility;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.SampleReports;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FeedbackPageWriterTests {

    /** Every way student text has been seen to try to become markup, a control sequence or reordered text. */
    private static final List<String> ATTACKS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>",
            "</details></pre></td></tr></table><script>alert(4)</script>",
            "</title></svg><iframe src=https://evil.example/>",
            "\u001B[2J\u001B[31mred\u001B[0m \u001B]0;title\u0007",
            "access = \"user\u202E \u2066// admin\u2069 \u2066\"; // \u202Dok",
            "${7*7} @if(true) {{7*7}} <!-- comment --> <![CDATA[ x ]]>");

    private final FeedbackPageWriter writer = new FeedbackPageWriter();

    @Test
    void showsEachExercisesScoreEveryLostPointAndTheMisconceptions() {
        Document page = FeedbackHtml.parse(writer.render(SampleReports.twoExercises()));

        assertEquals("Score: 2.5 / 15 (5 points of written answers are graded by hand later)",
                page.getElementById("total").text());
        Element mlp = page.getElementById("exercise-mlp");
        assertEquals("2.5 / 6", mlp.selectFirst(".score").text());
        assertEquals(List.of("−1.5 MlpHiddenTests.backwardGradients: db1 is wrong: relative error 0.8",
                        "−1 MlpHiddenTests.hugeBatch: took longer than 5000 ms",
                        "−1 src/Mlp.java:41:9: backward calls forward"),
                mlp.select("ul.lost li").eachText());
        assertEquals("missing-batch-sum: db1 is not summed over the batch found by MlpHiddenTests.backwardGradients",
                mlp.selectFirst(".misconception").text());
        Element deep = page.getElementById("exercise-deep");
        assertEquals("it does not compile: Deep.java:3:1: ';' expected", deep.selectFirst(".reason").text());
        assertEquals("Written answer (5 points): pending", deep.selectFirst("ul:not(.lost) li").text());
    }

    @Test
    void foldsCapturedOutputAwayAndSaysWhatWasDropped() {
        Document page = FeedbackHtml.parse(writer.render(SampleReports.twoExercises()));

        Element output = page.selectFirst("details.output");
        assertEquals("Output (14 characters, 7 more not kept)", output.selectFirst("summary").text());
        assertEquals("loss 0.25\n```\n", output.selectFirst("pre").wholeText());
    }

    @Test
    void showsTheStudentsLinesAroundAFindingWithItsLineMarked() {
        Document page = FeedbackHtml.parse(writer.render(withFigureAndExcerpt("double db1 = dz1;")));

        Element code = page.selectFirst(".finding table.code");
        assertEquals(List.of("40", "41", "42"), code.select("td.number").eachText());
        assertEquals("41 double db1 = dz1;", code.selectFirst("tr.marked").text());
        assertEquals(1, code.select("tr.marked").size());
    }

    @Test
    void drawsAFigureAsOneBarPerPointWithTheThresholdAndTheNumbers() {
        Document page = FeedbackHtml.parse(writer.render(withFigureAndExcerpt("x")));

        Element chart = page.selectFirst("figure.chart");
        assertEquals("Relative error per tensor", chart.selectFirst("figcaption").text());
        assertEquals(3, chart.select("svg rect.bar").size(), "dW1, db1 and the reference db2 have a value; dW2 (n/a) has no bar");
        assertEquals(1, chart.select("svg rect.bar.reference").size());
        assertEquals("n/a", chart.selectFirst("svg text.missing").ownText(), "dW2 has no value");
        assertEquals(1, chart.select("svg line.threshold").size());
        assertEquals("pass bar (1.00e-05)", chart.selectFirst("text.threshold-label").text());
        assertTrue(chart.select("text.tick").eachText().containsAll(List.of("1e-6", "1e-5", "1e-4", "1e-3")),
                chart.select("text.tick").eachText().toString());
        assertEquals(List.of("series dW1 db1 dW2 db2", "yours 0.002 3.00e-06 n/a",
                "reference 1.00e-06"), chart.select("table.numbers tr").eachText().stream().map(String::strip).toList());
    }

    @Test
    void aBarOnALogAxisIsTallerTheLargerItsValue() {
        Document page = FeedbackHtml.parse(writer.render(withFigureAndExcerpt("x")));

        List<Double> heights = page.select("rect.bar:not(.reference)").stream()
                .map(bar -> Double.parseDouble(bar.attr("height"))).toList();
        assertTrue(heights.get(0) > heights.get(1), "2e-3 is drawn taller than 3e-6: " + heights);
    }

    @Test
    void studentTextNeverBecomesMarkupAControlSequenceOrReorderedText() {
        for (String attack : ATTACKS) {
            String html = writer.render(hostile(attack));
            assertEquals(List.of(), FeedbackHtml.problems(html), attack + "\n" + html);
            Document page = FeedbackHtml.parse(html);
            assertEquals(2, page.select("details").size(), "only the page's own folds: " + attack);
            assertEquals(1, page.select("svg").size(), attack);
            assertEquals(2, page.select("rect.bar").size(), attack);
        }
    }

    @Test
    void studentTextIsShownAsTheTextItIs() {
        Document page = FeedbackHtml.parse(writer.render(hostile("<script>alert(1)</script>")));

        assertTrue(page.selectFirst("pre.message").text().contains("<script>alert(1)</script>"));
        assertTrue(page.selectFirst("details.output pre").wholeText().contains("<script>alert(1)</script>"));
        assertTrue(page.selectFirst("tr.marked").text().contains("<script>alert(1)</script>"));
    }

    @Test
    void showsBidiControlsAndEscapesAsVisibleMarks() {
        Document page = FeedbackHtml.parse(writer.render(hostile(ATTACKS.get(6) + ATTACKS.get(5))));

        String line = page.selectFirst("tr.marked").text();
        assertTrue(line.contains("[U+202E]") && line.contains("[U+2066]"), line);
        assertTrue(line.contains("red") && !line.contains("[31m"), "colour codes are removed: " + line);
    }

    @Test
    void isTheSamePageForTheSameReport() {
        assertEquals(writer.render(withFigureAndExcerpt("x")), writer.render(withFigureAndExcerpt("x")));
    }

    @Test
    void aReportWithFiguresAndExcerptsIsValidAgainstTheSchema() {
        assertEquals(List.of(), ReportSchema.errors(new JsonReportWriter().render(withFigureAndExcerpt("x"))));
        assertEquals(List.of(), ReportSchema.errors(new JsonReportWriter().render(hostile(ATTACKS.get(0)))));
    }

    @Test
    void aRefusedGradingSaysWhyAndNothingElse() {
        GradeReport refused = GradeReport.refused("the zip file is corrupt <b>x</b> — zip it again",
                SampleReports.twoExercises().provenance());
        Document page = FeedbackHtml.parse(writer.render(refused));

        assertEquals("Not graded. the zip file is corrupt <b>x</b> — zip it again",
                page.getElementById("not-graded").text());
        assertTrue(page.select("section.exercise").isEmpty());
    }

    /** One exercise: a failed test with a figure (a reference bar, a threshold, a missing value), a finding with lines. */
    private static GradeReport withFigureAndExcerpt(String markedLine) {
        Figure figure = new Figure("Relative error per tensor", Figure.Kind.BAR, Figure.Scale.LOG, "relative error",
                List.of(new Figure.Series("yours", false, List.of(new Figure.Point("dW1", 2e-3),
                                new Figure.Point("db1", 3e-6), new Figure.Point("dW2", Double.NaN))),
                        new Figure.Series("reference", true, List.of(new Figure.Point("db2", 1e-6)))),
                OptionalDouble.of(1e-5), "pass bar");
        TestReport test = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#gradients"), 1, 2,
                TestStatus.FAILED, "dW1: relative error 2.0e-03", new CapturedOutput("printed\n", 0),
                List.of(new Diagnosis("missing-batch-sum", "sum db1 over the batch", Map.of())), Duration.ofMillis(5),
                Visibility.VISIBLE, List.of(figure));
        Finding finding = new Finding("forbidden-calls", Severity.DEDUCT, 0.5, new Location("src/Mlp.java", 41, 9),
                "backward calls forward", "use the cache")
                .withExcerpt(new SourceExcerpt(40, 41, List.of("    // the bias", markedLine, "    return g;")));
        return report(new ExerciseReport("mlp", "Two-layer MLP", 0.5, 2, 0, ExerciseStatus.GRADED, "", List.of(test),
                List.of(finding), List.of()));
    }

    /** {@code attack} in every student-derived string the page shows. */
    private static GradeReport hostile(String attack) {
        Figure figure = new Figure(attack, Figure.Kind.BAR, Figure.Scale.LINEAR, attack,
                List.of(new Figure.Series(attack, false, List.of(new Figure.Point(attack, 1),
                        new Figure.Point("b" + attack, 2)))), OptionalDouble.of(1.5), attack);
        TestReport test = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#gradients"), 0, 2,
                TestStatus.FAILED, attack, new CapturedOutput(attack + "\n" + attack, 3),
                List.of(new Diagnosis("some-code", attack, Map.of("n", attack))), Duration.ofMillis(5),
                Visibility.VISIBLE, List.of(figure));
        Finding finding = new Finding("compile", Severity.DEDUCT, 1, new Location(attack + ".java", 2, 1), attack,
                attack).withExcerpt(new SourceExcerpt(1, 2, List.of(attack, attack, attack)));
        ExerciseReport exercise = new ExerciseReport("mlp", "Two-layer MLP", 0, 2, 0, ExerciseStatus.GRADED, "",
                List.of(test), List.of(finding), List.of());
        GradeReport base = report(exercise);
        return new GradeReport(0, 2, 0, List.of(exercise), List.of(), new dev.gradecheck.api.Provenance(attack,
                java.util.Optional.empty(), List.of(), "0.1.0-TEST", "c".repeat(64), base.provenance().isolation(),
                base.provenance().startedAt(), Duration.ZERO));
    }

    private static GradeReport report(ExerciseReport exercise) {
        GradeReport sample = SampleReports.twoExercises();
        return new GradeReport(exercise.score(), exercise.maxScore(), 0, List.of(exercise), List.of(),
                sample.provenance());
    }

    @Test
    void aHiddenTestsFigureIsNotShown() {
        GradeReport visible = withFigureAndExcerpt("x");
        ExerciseReport exercise = visible.exercises().get(0);
        TestReport shown = exercise.tests().get(0);
        TestReport hidden = new TestReport(shown.id(), shown.score(), shown.maxScore(), shown.status(),
                shown.message(), shown.output(), shown.diagnoses(), shown.duration(), Visibility.HIDDEN,
                shown.figures());
        Document page = FeedbackHtml.parse(writer.render(report(new ExerciseReport(exercise.id(), exercise.title(),
                exercise.score(), exercise.maxScore(), 0, exercise.status(), "", List.of(hidden), exercise.findings(),
                List.of()))));

        assertTrue(page.select("figure.chart").isEmpty());
        assertFalse(page.text().contains("missing-batch-sum"), page.text());
        assertEquals("1 hidden test(s): 1 / 2 (their names, messages and output are not shown)",
                page.selectFirst(".hidden-tests").text());
    }
}
