package dev.gradecheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.scoring.Findings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Writes Gradescope's {@code results.json} (gradescope/autograder_samples, docs/specs.md). Per exercise, in course
 * order: one status-only line {@code "<id>: compilation"}, one status-only {@code "<id>: code checks"} line when
 * the exercise has findings other than compile errors, one scored line per hidden test named
 * {@code "<id>: TestClass.method"} and numbered {@code "<exercise>.<test>"}, and one status-only line per manual item
 * saying it is pending (status {@code failed}: Gradescope has no neutral status, and a pending item is never passed),
 * with the written answer's status, the answer itself in a code block, and the warnings about written answers; last, for a grading flagged for tampering, a hidden unscored line {@code "gradecheck:
 * integrity"} listing what was seen. {@code extra_data.integrity} (never shown to students) always holds the
 * integrity section, and {@code extra_data.not_graded} ({@code refused} or {@code failed}) marks a grading
 * without scores, which a rate limit does not count. {@code score} is the automatic score (deductions applied), {@code execution_time} is in
 * seconds, every output is Markdown, every student-derived string in it escaped ({@link Escape}: code spans and
 * blocks, or backslash escapes). A refused grading has score 0, no tests, and an output saying why.
 *
 * <p>Visibility: each test line carries its test's manifest visibility, the exercise's own lines (compilation, code
 * checks, manual items) the exercise's; Gradescope applies them. The visible top-level output lists only exercises
 * whose every line is visible, and while anything is not, its score line counts the visible tests only. Limits:
 * Gradescope publishes none, so this file keeps to PrairieLearn's ({@link OutputLimits}): a test's message and
 * output are each cut to 8,000 characters, the overview to 20,000, and the whole file to 1 MB by smaller caps in
 * steps; each cut says how many characters it cut.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class GradescopeResultsWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "results.json";
    }

    @Override
    public String render(GradeReport report) {
        return OutputLimits.renderWithin(cap -> toJson(report, cap));
    }

    static JsonObject toJson(GradeReport report) {
        return toJson(report, OutputLimits.PER_TEST_CHARS);
    }

    private static JsonObject toJson(GradeReport report, int perTestChars) {
        JsonObject json = new JsonObject();
        json.addProperty("score", Numbers.json(report.score()));
        json.addProperty("execution_time", Numbers.seconds(report.provenance().duration().toMillis()));
        json.addProperty("output", report.notGraded().map(GradescopeResultsWriter::notGraded)
                .orElseGet(() -> overview(report)));
        json.addProperty("output_format", "md");
        json.addProperty("test_output_format", "md");
        json.addProperty("test_name_format", "text");
        json.addProperty("visibility", "visible");
        json.addProperty("stdout_visibility", "hidden");
        json.add("extra_data", extraData(report));
        JsonArray tests = new JsonArray();
        for (int i = 0; i < report.exercises().size(); i++) {
            addExercise(tests, report.exercises().get(i), i + 1, perTestChars);
        }
        if (report.integrity().flagged()) {
            tests.add(integrityLine(report.integrity()));
        }
        json.add("tests", tests);
        return json;
    }

    /**
     * For instructors only: a hidden, unscored entry listing the tampering (Gradescope never shows a hidden test to
     * the student, and then hides the student's total too, so a flagged score waits for an instructor).
     */
    private static JsonObject integrityLine(Integrity integrity) {
        JsonObject json = new JsonObject();
        json.addProperty("name", "gradecheck: integrity");
        json.addProperty("score", 0);
        json.addProperty("max_score", 0);
        json.addProperty("status", "failed");
        json.addProperty("output", "**" + IntegrityText.FLAGGED + ".**\n\n"
                + Escape.markdownBlock(String.join("\n", IntegrityText.lines(integrity))));
        json.addProperty("output_format", "md");
        json.addProperty("visibility", "hidden");
        return json;
    }

    private static JsonObject integrityData(Integrity integrity) {
        JsonObject json = new JsonObject();
        json.addProperty("flagged", integrity.flagged());
        JsonArray events = new JsonArray();
        for (IntegrityEvent event : integrity.events()) {
            JsonObject item = new JsonObject();
            item.addProperty("kind", event.kind().jsonName());
            event.test().ifPresent(test -> item.addProperty("test", test.toString()));
            item.addProperty("detail", event.detail());
            item.addProperty("count", event.count());
            events.add(item);
        }
        json.add("events", events);
        return json;
    }

    private static JsonObject extraData(GradeReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("max_score", Numbers.json(report.maxScore()));
        json.addProperty("pending_manual_points", Numbers.json(report.pendingManualPoints()));
        json.addProperty("grader_version", report.provenance().graderVersion());
        json.addProperty("suite_hash", report.provenance().suiteHash());
        // Marks a run that graded nothing, so a rate limit does not count it (dev.gradecheck.ratelimit).
        report.notGraded().ifPresent(why -> json.addProperty("not_graded", why.kind().jsonName()));
        report.provenance().gitCommit().ifPresent(commit -> json.addProperty("git_commit", commit));
        json.add("integrity", integrityData(report.integrity()));
        return json;
    }

    private static void addExercise(JsonArray tests, ExerciseReport exercise, int number, int perTestChars) {
        tests.add(compilationLine(exercise));
        boolean answersShown = exercise.manual().stream().anyMatch(item -> item.answer().isPresent());
        List<Finding> checks = exercise.findings().stream().filter(f -> !f.rule().equals("compile")
                && !(answersShown && f.rule().equals(WrittenAnswer.FINDING_RULE))).toList();
        if (!checks.isEmpty()) {
            tests.add(statusLine(exercise, exercise.id() + ": code checks", "failed", findingsText(checks)));
        }
        for (int i = 0; i < exercise.tests().size(); i++) {
            tests.add(testLine(exercise, exercise.tests().get(i), number + "." + (i + 1), perTestChars));
        }
        // The warnings about written answers go with the first item that has one, not under "code checks".
        List<Finding> answerWarnings = exercise.findings().stream()
                .filter(f -> f.rule().equals(WrittenAnswer.FINDING_RULE)).toList();
        ManualItemReport first = exercise.manual().stream().filter(item -> item.answer().isPresent()).findFirst()
                .orElse(null);
        for (ManualItemReport item : exercise.manual()) {
            // Gradescope knows only passed and failed; a pending item is not passed (its points are not earned yet).
            String warnings = item == first && !answerWarnings.isEmpty() ? "\n\n" + findingsText(answerWarnings) : "";
            tests.add(statusLine(exercise, exercise.id() + ": " + item.title() + " (graded by hand, pending)", "failed",
                    "Pending: a person grades this item, worth " + Numbers.format(item.points()) + " points."
                            + manualAnswer(item, perTestChars) + warnings));
        }
    }

    /**
     * The item's answer status and, when there is one, the answer as read, in a code block: the student's own text,
     * which renders as nothing but text, cut to {@code perTestChars}.
     */
    private static String manualAnswer(ManualItemReport item, int perTestChars) {
        if (item.answer().isEmpty()) {
            return "";
        }
        WrittenAnswer answer = item.answer().get();
        String text = "\n\n" + Escape.markdownInline(AnswerText.status(answer)) + ".";
        if (answer.present()) {
            text += " The answer as the grader read it:\n\n"
                    + Escape.markdownBlock(OutputLimits.capWithNote(answer.text(), perTestChars));
        }
        return text;
    }

    private static JsonObject compilationLine(ExerciseReport exercise) {
        List<Finding> errors = exercise.findings().stream()
                .filter(f -> f.rule().equals("compile") || f.rule().equals("missing-file")).toList();
        return statusLine(exercise, exercise.id() + ": compilation", errors.isEmpty() ? "passed" : "failed",
                findingsText(errors));
    }

    private static JsonObject statusLine(ExerciseReport exercise, String name, String status, String output) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("status", status);
        if (!output.isEmpty()) {
            json.addProperty("output", output);
            json.addProperty("output_format", "md");
        }
        json.add("tags", tags(exercise));
        if (!exercise.visibility().shownNow()) {
            json.addProperty("visibility", exercise.visibility().jsonName());
        }
        return json;
    }

    private static JsonObject testLine(ExerciseReport exercise, TestReport test, String number, int perTestChars) {
        JsonObject json = new JsonObject();
        json.addProperty("name", exercise.id() + ": " + test.displayName());
        json.addProperty("number", number);
        json.addProperty("score", Numbers.json(test.score()));
        json.addProperty("max_score", Numbers.json(test.maxScore()));
        json.addProperty("status", test.status() == TestStatus.PASSED ? "passed" : "failed");
        json.addProperty("output", testOutput(test, perTestChars));
        json.addProperty("output_format", "md");
        json.add("tags", tags(exercise));
        json.addProperty("visibility", test.visibility().jsonName());
        return json;
    }

    private static JsonArray tags(ExerciseReport exercise) {
        JsonArray tags = new JsonArray();
        tags.add(exercise.id());
        return tags;
    }

    static String testOutput(TestReport test) {
        return testOutput(test, OutputLimits.PER_TEST_CHARS);
    }

    /**
     * The test's Markdown: status, message, diagnoses, output. The message and the output are each cut to
     * {@code perTestChars} before they are escaped (so a cut never breaks a code block), and the cut is said.
     */
    private static String testOutput(TestReport test, int perTestChars) {
        StringBuilder text = new StringBuilder("**" + statusWord(test.status()) + "**");
        if (!test.message().isEmpty()) {
            text.append("\n\n").append(Escape.markdownBlock(OutputLimits.capWithNote(test.message(), perTestChars)));
        }
        for (Diagnosis diagnosis : test.diagnoses()) {
            text.append("\n- ").append(Escape.markdownCode(diagnosis.code())).append(": ")
                    .append(Escape.markdownInline(diagnosis.text())).append(numbers(diagnosis.numbers()));
        }
        if (!test.output().text().isEmpty()) {
            OutputLimits.Cut cut = OutputLimits.cap(test.output().text(), perTestChars);
            long dropped = test.output().droppedChars() + cut.cut();
            text.append("\n\nOutput").append(dropped > 0 ? " (" + dropped + " more characters dropped)" : "")
                    .append(":\n\n");
            text.append(Escape.markdownBlock(cut.text()));
        }
        return text.toString();
    }

    private static String statusWord(TestStatus status) {
        return switch (status) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case ERROR -> "Error";
            case TIMEOUT -> "Timed out";
            case NOT_RUN -> "Not run";
        };
    }

    private static String numbers(Map<String, String> numbers) {
        if (numbers.isEmpty()) {
            return "";
        }
        return numbers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Escape.markdownInline(entry.getKey() + " = " + entry.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String findingsText(List<Finding> findings) {
        return findings.stream().map(GradescopeResultsWriter::findingText).collect(Collectors.joining("\n"));
    }

    private static String findingText(Finding finding) {
        String cost = switch (finding.severity()) {
            case WARN -> "warning";
            case DEDUCT -> "-" + Numbers.format(finding.points()) + " points";
            case ZERO -> "exercise scores 0";
        };
        String hint = finding.hint().isEmpty() ? "" : " Hint: " + Escape.markdownInline(finding.hint());
        return "- " + Escape.markdownCode(finding.location().toString()) + " (" + Escape.markdownText(finding.rule())
                + ", " + cost + "): " + Escape.markdownInline(Findings.messageWithoutLocation(finding)) + hint;
    }

    private static String visibleScore(GradeReport report) {
        List<TestReport> shown = report.exercises().stream().flatMap(exercise -> exercise.tests().stream())
                .filter(test -> test.visibility().shownNow()).toList();
        return "**Visible tests: " + Numbers.format(shown.stream().mapToDouble(TestReport::score).sum()) + " / "
                + Numbers.format(shown.stream().mapToDouble(TestReport::maxScore).sum()) + "** (before deductions;"
                + " the other tests' results are shown later, or only to instructors)";
    }

    private static String notGraded(NotGraded why) {
        String what = why.kind() == NotGraded.Kind.REFUSED ? "the grading was refused" : "grading failed";
        return "**Not graded: " + what + "** (score 0). Why, and what to fix:\n\n" + Escape.markdownBlock(why.reason());
    }

    /**
     * The visible top-level output: the score and one row per exercise a student may see now. When anything is not
     * visible the score line counts only the visible tests, so that neither a total nor a row says what a later or
     * hidden test scored (Gradescope itself hides the total while tests wait for the due date or for publishing).
     * Cut to {@link OutputLimits#OVERVIEW_CHARS}.
     */
    private static String overview(GradeReport report) {
        return OutputLimits.capWithNote(overviewText(report), OutputLimits.OVERVIEW_CHARS);
    }

    private static String overviewText(GradeReport report) {
        boolean allShown = report.exercises().stream().allMatch(exercise -> exercise.visibility().shownNow()
                && exercise.tests().stream().allMatch(test -> test.visibility().shownNow()));
        StringBuilder text = new StringBuilder(allShown ? "**Score: " + Numbers.format(report.score()) + " / "
                + Numbers.format(report.maxScore() - report.pendingManualPoints()) + "** (automatic)"
                : visibleScore(report));
        if (report.pendingManualPoints() > 0) {
            text.append(", plus ").append(Numbers.format(report.pendingManualPoints())).append(" points graded by hand later");
        }
        text.append("\n\n| exercise | score | max | status |\n|---|---|---|---|\n");
        for (ExerciseReport exercise : report.exercises()) {
            if (!exercise.visibility().shownNow() || !exercise.tests().stream().allMatch(t -> t.visibility().shownNow())) {
                continue;
            }
            text.append("| ").append(exercise.id()).append(" | ").append(Numbers.format(exercise.score()))
                    .append(" | ").append(Numbers.format(exercise.automaticMaxScore())).append(" | ")
                    .append(exercise.status().jsonName())
                    .append(exercise.reason().isEmpty() ? "" : ": " + Escape.markdownText(exercise.reason()))
                    .append(" |\n");
        }
        return text.toString();
    }
}
