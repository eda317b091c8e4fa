package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.report.html.FeedbackPage.HandGrade;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.SampleReports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feedback page's items graded by hand: the student's own answer (or what stands in for it), and once a person
 * graded the item the points awarded and their comment, counted in the scores shown; all of it shown as text,
 * whatever the student or the grader wrote.
 */
class FeedbackManualItemsTests {

    private static final String ANSWER = "Sigmoid' <= 1/4,\nso 10 layers shrink it by 4^10.";
    private final FeedbackPageWriter writer = new FeedbackPageWriter();

    @Test
    void aPendingItemShowsTheStudentsAnswer() {
        Document page = FeedbackHtml.parse(writer.render(withAnswer(present(ANSWER))));

        Element item = page.selectFirst("li.manual-item");
        assertEquals("pending", item.attr("data-status"));
        assertEquals(ANSWER, item.selectFirst("pre.answer-text").wholeText());
        assertTrue(item.text().startsWith("Explain the vanishing gradient (5 points): pending"), item.text());
        assertEquals("Score: 3 / 10 (5 points of written answers are graded by hand later)",
                page.getElementById("total").text());
    }

    @Test
    void aGradedItemShowsThePointsAwardedTheCommentAndCountsInTheScores() {
        Document page = FeedbackHtml.parse(writer.render(withAnswer(present(ANSWER)),
                Map.of("vanishing/why", new HandGrade(4.5, "Good; quote the norms you printed."))));

        Element item = page.selectFirst("li.manual-item");
        assertEquals("graded", item.attr("data-status"));
        assertEquals("4.5 / 5", item.selectFirst(".awarded").text());
        assertEquals("Good; quote the norms you printed.", item.selectFirst(".comment-text").text());
        assertEquals(ANSWER, item.selectFirst("pre.answer-text").wholeText());
        assertEquals("Score: 7.5 / 10", page.getElementById("total").text(), "nothing pending any more");
        assertEquals("7.5 / 10", page.selectFirst("#exercise-vanishing .score").text());
    }

    @Test
    void anAnswerThatIsNotThereSaysWhatWasFoundInstead() {
        Document page = FeedbackHtml.parse(writer.render(withAnswer(new WrittenAnswer("ANSWERS.md",
                "vanishing-gradients", "ANSWERS.md", WrittenAnswer.Status.UNCHANGED, "", 0))));

        Element item = page.selectFirst("li.manual-item");
        assertNull(item.selectFirst("pre.answer-text"));
        assertEquals("no answer: its section in ANSWERS.md is unchanged from the template",
                item.selectFirst(".answer-note").text());
    }

    @Test
    void gradesOfOtherItemsChangeNothing() {
        GradeReport report = withAnswer(present(ANSWER));
        assertEquals(writer.render(report), writer.render(report, Map.of("vanishing/other", new HandGrade(1, "x"),
                "chain-rule/why", new HandGrade(1, "y"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "</pre></li></ul></section><script>alert(3)</script>",
        "${7*7} @if(true) {{7*7}} <!-- x --> <![CDATA[ y ]]>",
        "\u001B[31mred\u001B[0m \u202Eevil\u2069"})
    void aHostileCommentAndAnswerAreShownAsText(String attack) {
        String html = writer.render(withAnswer(present(attack + "\n" + attack)),
                Map.of("vanishing/why", new HandGrade(2, attack)));

        assertEquals(List.of(), FeedbackHtml.problems(html), attack + "\n" + html);
        Document page = FeedbackHtml.parse(html);
        assertTrue(page.select("script, img, iframe").isEmpty(), html);
        Element item = page.selectFirst("li.manual-item");
        String shown = dev.gradecheck.report.html.DisplayText.of(attack);
        assertEquals(shown, item.selectFirst(".comment-text").wholeText());
        assertEquals(shown + "\n" + shown, item.selectFirst("pre.answer-text").wholeText());
    }

    private static WrittenAnswer present(String text) {
        return new WrittenAnswer("ANSWERS.md", "vanishing-gradients", "ANSWERS.md", WrittenAnswer.Status.PRESENT, text,
                0);
    }

    /** One exercise: 3 of 5 automatic points, a manual item of 5 with {@code answer}. */
    private static GradeReport withAnswer(WrittenAnswer answer) {
        ExerciseReport exercise = new ExerciseReport("vanishing", "Vanishing gradients", 3, 10, 5,
                ExerciseStatus.GRADED, "", List.of(), List.of(), List.of(new ManualItemReport("why",
                "Explain the vanishing gradient", 5, Optional.of(answer))));
        return new GradeReport(3, 10, 5, List.of(exercise), List.of(), SampleReports.twoExercises().provenance());
    }
}
