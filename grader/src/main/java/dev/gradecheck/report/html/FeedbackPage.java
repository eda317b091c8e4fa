package dev.gradecheck.report.html;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.scoring.Findings;
import dev.gradecheck.scoring.Points;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the student's feedback page ({@code feedback.jte}) shows of a {@link GradeReport}: per exercise the score,
 * every lost point with its message, the misconceptions named with their explanation, the tests' figures, the
 * findings with the student's own lines around them, and each test's captured output.
 *
 * <p>A student page that cannot wait for a due date, so it shows what {@link dev.gradecheck.api.Visibility#shownNow}
 * allows, like the other formats without a notion of visibility: a test that is not visible now is summed with the
 * others into one unnamed line (no name, message, output, diagnosis or figure of it); an exercise that is not
 * visible shows its score but neither its findings nor its reason. Every text is made {@link DisplayText displayable}
 * here; the template escapes it for HTML.
 *
 * @param submission what was graded, as given
 * @param score points earned automatically
 * @param maxScore the maximum, manual items included
 * @param pending points awaiting a person; "0" when none
 * @param notGraded why nothing was graded, when so
 * @param gradedAt when grading started (ISO-8601, from the report)
 * @param graderVersion the grader's version
 * @param exercises the graded exercises, in course order
 */
@API(status = API.Status.INTERNAL)
public record FeedbackPage(String submission, String score, String maxScore, String pending,
                           Optional<String> notGraded, String gradedAt, String graderVersion,
                           List<ExerciseView> exercises) {

    public FeedbackPage {
        exercises = List.copyOf(exercises);
    }

    /** One exercise's section. {@code reason}: why it scores 0 or did not run, when the student may see it. */
    public record ExerciseView(String id, String title, String score, String maxScore, String status, boolean full,
                               Optional<String> reason, List<LostPoints> lost, List<Misconception> misconceptions,
                               List<FindingView> findings, List<TestView> tests, Optional<String> hiddenTests,
                               List<ManualView> manual, boolean checksHidden) {
    }

    /** Points lost, where, and why. */
    public record LostPoints(String points, String where, String why) {
    }

    /** A misconception a test named, with the tests that found it. */
    public record Misconception(String code, String text, List<String> foundBy) {
    }

    /** A finding with the student's lines around it (empty when it points at no line). */
    public record FindingView(String severity, String location, String message, String hint, List<CodeLine> lines) {
    }

    /** One line of the student's code; {@code marked} is the line a finding points at. */
    public record CodeLine(int number, String text, boolean marked) {
    }

    /** A test the student may see now. */
    public record TestView(String name, String status, boolean passed, String score, String maxScore, String message,
                           List<Misconception> diagnoses, List<SvgChart> charts, String output, long droppedChars) {
    }

    /** A manual item, pending. */
    public record ManualView(String title, String points) {
    }

    /** The page of {@code report}. */
    public static FeedbackPage of(GradeReport report) {
        List<ExerciseView> exercises = new ArrayList<>();
        int[] charts = {0};
        for (ExerciseReport exercise : report.exercises()) {
            exercises.add(exercise(exercise, charts));
        }
        return new FeedbackPage(DisplayText.of(report.provenance().submission()), Points.format(report.score()),
                Points.format(report.maxScore()), Points.format(report.pendingManualPoints()),
                report.notGraded().map(NotGraded::reason).map(DisplayText::of),
                report.provenance().startedAt().toString(), report.provenance().graderVersion(), exercises);
    }

    private static ExerciseView exercise(ExerciseReport exercise, int[] charts) {
        boolean shown = exercise.visibility().shownNow();
        boolean zeroed = exercise.status() != ExerciseStatus.GRADED;
        List<TestReport> visible = exercise.tests().stream().filter(test -> test.visibility().shownNow()).toList();
        List<TestReport> hidden = exercise.tests().stream().filter(test -> !test.visibility().shownNow()).toList();
        List<TestView> tests = visible.stream().map(test -> test(test, charts)).toList();
        return new ExerciseView(exercise.id(), DisplayText.of(exercise.title()), Points.format(exercise.score()),
                Points.format(exercise.maxScore()), exercise.status().jsonName(),
                exercise.score() >= exercise.automaticMaxScore(),
                shown && zeroed ? Optional.of(DisplayText.of(exercise.reason())) : Optional.empty(),
                lost(exercise, visible, hidden, zeroed), misconceptions(visible),
                shown ? exercise.findings().stream().map(FeedbackPage::finding).toList() : List.of(), tests,
                hiddenSummary(hidden, zeroed),
                shown ? exercise.manual().stream()
                        .map(item -> new ManualView(DisplayText.of(item.title()), Points.format(item.points()))).toList()
                        : List.of(),
                !shown);
    }

    private static List<LostPoints> lost(ExerciseReport exercise, List<TestReport> visible, List<TestReport> hidden,
                                         boolean zeroed) {
        List<LostPoints> lost = new ArrayList<>();
        if (zeroed && exercise.automaticMaxScore() > 0) {
            lost.add(new LostPoints(Points.format(exercise.automaticMaxScore()), "the whole exercise",
                    exercise.visibility().shownNow() ? DisplayText.of(exercise.reason()) : "a code check set it to 0"));
            return lost;
        }
        for (TestReport test : visible) {
            if (test.lostPoints() > 0) {
                lost.add(new LostPoints(Points.format(test.lostPoints()), DisplayText.of(test.displayName()),
                        DisplayText.of(firstLine(test.message()))));
            }
        }
        double hiddenLost = Points.round(hidden.stream().mapToDouble(TestReport::lostPoints).sum());
        if (hiddenLost > 0) {
            lost.add(new LostPoints(Points.format(hiddenLost), hidden.size() + " hidden test(s)",
                    "their names and messages are not shown"));
        }
        if (exercise.visibility().shownNow()) {
            exercise.findings().stream().filter(finding -> finding.severity() == Severity.DEDUCT)
                    .forEach(finding -> lost.add(new LostPoints(Points.format(finding.points()),
                            DisplayText.of(finding.location().toString()),
                            DisplayText.of(Findings.messageWithoutLocation(finding)))));
        }
        return lost;
    }

    private static List<Misconception> misconceptions(List<TestReport> tests) {
        Map<String, Diagnosis> first = new LinkedHashMap<>();
        Map<String, List<String>> foundBy = new LinkedHashMap<>();
        for (TestReport test : tests) {
            for (Diagnosis diagnosis : test.diagnoses()) {
                first.putIfAbsent(diagnosis.code(), diagnosis);
                List<String> by = foundBy.computeIfAbsent(diagnosis.code(), code -> new ArrayList<>());
                if (!by.contains(test.displayName())) {
                    by.add(test.displayName());
                }
            }
        }
        return first.values().stream().map(diagnosis -> new Misconception(diagnosis.code(),
                DisplayText.of(diagnosis.text()), foundBy.get(diagnosis.code()))).toList();
    }

    private static Optional<String> hiddenSummary(List<TestReport> hidden, boolean zeroed) {
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        double score = zeroed ? 0 : Points.round(hidden.stream().mapToDouble(TestReport::score).sum());
        double max = Points.round(hidden.stream().mapToDouble(TestReport::maxScore).sum());
        return Optional.of(hidden.size() + " hidden test(s): " + Points.format(score) + " / " + Points.format(max)
                + " (their names, messages and output are not shown)");
    }

    private static FindingView finding(Finding finding) {
        List<CodeLine> lines = finding.excerpt().map(FeedbackPage::lines).orElse(List.of());
        return new FindingView(finding.severity().jsonName(), DisplayText.of(finding.location().toString()),
                DisplayText.of(Findings.messageWithoutLocation(finding)), DisplayText.of(finding.hint()), lines);
    }

    private static List<CodeLine> lines(SourceExcerpt excerpt) {
        List<CodeLine> lines = new ArrayList<>();
        for (int i = 0; i < excerpt.lines().size(); i++) {
            int number = excerpt.firstLine() + i;
            lines.add(new CodeLine(number, DisplayText.of(excerpt.lines().get(i)), number == excerpt.line()));
        }
        return lines;
    }

    private static TestView test(TestReport test, int[] charts) {
        List<SvgChart> drawn = test.figures().stream().map(figure -> SvgChart.of("figure-" + ++charts[0], figure))
                .toList();
        List<Misconception> diagnoses = test.diagnoses().stream().map(diagnosis -> new Misconception(diagnosis.code(),
                DisplayText.of(diagnosis.text()), List.of())).toList();
        return new TestView(DisplayText.of(test.displayName()), status(test.status()),
                test.status() == TestStatus.PASSED, Points.format(test.score()), Points.format(test.maxScore()),
                DisplayText.of(test.message()), diagnoses, drawn, DisplayText.of(test.output().text()),
                test.output().droppedChars());
    }

    private static String status(TestStatus status) {
        return status == TestStatus.NOT_RUN ? "not run" : status.jsonName();
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
