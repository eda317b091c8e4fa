package dev.gradecheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.scoring.Findings;
import org.apiguardian.api.API;

/**
 * Writes PrairieLearn's external-grading {@code results.json} (PrairieLearn docs, externalGrading.md) as
 * {@code prairielearn-results.json}; a PrairieLearn entry point copies it to {@code /grade/results/results.json}.
 *
 * <p>{@code gradable} is false only for a refused grading (nothing at all could be graded: a submission that cannot
 * be opened), with the reason in {@code format_errors}; a compile error in an exercise is gradable, its tests score
 * 0. {@code score} is the automatic score over the automatic maximum, in [0, 1] (pending manual items are
 * PrairieLearn's own manual points, so they are in neither). {@code tests} are the {@link ScoredUnit}s, each with
 * {@code points} and {@code max_points} (PrairieLearn shows per-test points only when every test has both):
 * PrairieLearn cannot delay what it shows, so every test not {@code visible} is summed into one unnamed line per
 * exercise. {@code message} is the one-line score, {@code output} a plain-text overview with the findings and the
 * pending manual items. No {@code images}: figures are drawn in {@code feedback.html}, not here.
 * The file stays under {@link OutputLimits#FILE_BYTES}: outputs and messages are cut in steps until it fits, and the
 * cut says so. Thread-safe.
 */
@API(status = API.Status.STABLE)
public final class PrairieLearnResultsWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "prairielearn-results.json";
    }

    @Override
    public String render(GradeReport report) {
        return OutputLimits.renderWithin(cap -> toJson(report, cap));
    }

    private static JsonObject toJson(GradeReport report, int perTestChars) {
        JsonObject json = new JsonObject();
        if (report.notGraded().isPresent()) {
            json.addProperty("gradable", false);
            JsonArray errors = new JsonArray();
            errors.add(OutputLimits.capWithNote(NotGradedText.of(report).orElseThrow(), OutputLimits.OVERVIEW_CHARS));
            json.add("format_errors", errors);
            json.addProperty("message", "Not graded: the submission could not be graded; no points were lost.");
            return json;
        }
        double automaticMax = report.maxScore() - report.pendingManualPoints();
        json.addProperty("gradable", true);
        json.addProperty("score", automaticMax > 0 ? Math.min(1, Math.max(0, report.score() / automaticMax)) : 0);
        json.addProperty("message", "Score: " + Numbers.format(report.score()) + " / " + Numbers.format(automaticMax)
                + " (automatic)");
        json.addProperty("output", OutputLimits.capWithNote(overview(report), OutputLimits.OVERVIEW_CHARS));
        JsonArray tests = new JsonArray();
        for (ExerciseReport exercise : report.exercises()) {
            ScoredUnit.of(exercise).forEach(unit -> tests.add(test(unit, perTestChars)));
        }
        json.add("tests", tests);
        return json;
    }

    private static JsonObject test(ScoredUnit unit, int perTestChars) {
        JsonObject json = new JsonObject();
        json.addProperty("name", unit.name());
        json.addProperty("description", unit.test().orElse(""));
        json.addProperty("points", Numbers.json(unit.score()));
        json.addProperty("max_points", Numbers.json(unit.maxScore()));
        json.addProperty("message", OutputLimits.capWithNote(unit.message(), perTestChars));
        json.addProperty("output", output(unit.output(), perTestChars));
        return json;
    }

    /** What the test printed, capped, with a note of what the sandbox dropped and what this writer cut. */
    private static String output(CapturedOutput output, int perTestChars) {
        OutputLimits.Cut cut = OutputLimits.cap(output.text(), perTestChars);
        long dropped = output.droppedChars() + cut.cut();
        return dropped == 0 ? cut.text() : cut.text() + "\n[... " + dropped + " more characters not shown]";
    }

    private static String overview(GradeReport report) {
        StringBuilder text = new StringBuilder();
        for (ExerciseReport exercise : report.exercises()) {
            if (!exercise.visibility().shownNow()) {
                continue;
            }
            text.append(exercise.id()).append(": ").append(Numbers.format(exercise.score())).append(" / ")
                    .append(Numbers.format(exercise.automaticMaxScore()));
            text.append(exercise.reason().isEmpty() ? "" : " (" + exercise.status().jsonName().replace('_', ' ')
                    + ": " + exercise.reason() + ")").append('\n');
            exercise.findings().forEach(finding -> text.append("  ").append(finding(finding)).append('\n'));
            exercise.manual().forEach(item -> text.append("  ").append(pending(item)).append('\n'));
        }
        return text.toString();
    }

    private static String finding(Finding finding) {
        String hint = finding.hint().isEmpty() ? "" : " Hint: " + finding.hint();
        return finding.severity().jsonName() + " " + Findings.describe(finding) + hint;
    }

    /** A pending item is never passed: it is said to be pending, worth its points, outside this score. */
    static String pending(ManualItemReport item) {
        String answer = AnswerText.status(item);
        return "pending (graded by hand later, not in this score): " + item.title() + ", "
                + Numbers.format(item.points()) + " points" + (answer.isEmpty() ? "" : "; " + answer);
    }
}
