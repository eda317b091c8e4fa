package dev.gradecheck.report.html;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.WrittenAnswer;
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
 * findings with the student's own lines around them, each test's captured output, and the items graded by hand:
 * pending, or (rendered with the grades given since, {@link #of(GradeReport, Map)}) the points awarded and the
 * grader's comment, each with the student's own written answer.
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

    /**
     * A manual item: pending, or graded by a person ({@code awarded} and their {@code comment}, empty when they wrote
     * none); with the student's own written answer ({@code answer}, empty when there is none) or what was found
     * instead ({@code answerNote}, e.g. "no answer yet: its section in ANSWERS.md is the template's").
     */
    public record ManualView(String title, String points, boolean graded, String awarded, String comment,
                             String answer, String answerNote) {
    }

    /**
     * The points a person gave a manual item, and their comment (may be empty).
     *
     * @param points in {@code 0..} the item's points
     * @param comment the grader's comment, shown to the student
     */
    public record HandGrade(double points, String comment) {
        public HandGrade {
            java.util.Objects.requireNonNull(comment, "comment");
            if (!(points >= 0)) {
                throw new IllegalArgumentException("points given by hand must be >= 0, was " + points);
            }
        }
    }

    /** The page of {@code report}, its manual items pending. */
    public static FeedbackPage of(GradeReport report) {
        return of(report, Map.of());
    }

    /**
     * The page of {@code report} (as graded) with the manual grades given since: {@code grades} by
     * {@code exercise-id/item-id}; a graded item counts in its exercise's score and the total, and no longer in the
     * points pending. Grades of items the report does not have are ignored.
     */
    public static FeedbackPage of(GradeReport report, Map<String, HandGrade> grades) {
        List<ExerciseView> exercises = new ArrayList<>();
        int[] charts = {0};
        double awarded = 0;
        double graded = 0;
        for (ExerciseReport exercise : report.exercises()) {
            Map<String, HandGrade> given = given(exercise, grades);
            exercises.add(exercise(exercise, given, charts));
            awarded += given.values().stream().mapToDouble(HandGrade::points).sum();
            graded += exercise.manual().stream().filter(item -> given.containsKey(item.id()))
                    .mapToDouble(ManualItemReport::points).sum();
        }
        return new FeedbackPage(DisplayText.of(report.provenance().submission()),
                Points.format(Points.round(report.score() + awarded)), Points.format(report.maxScore()),
                Points.format(Points.round(report.pendingManualPoints() - graded)),
                report.notGraded().map(NotGraded::reason).map(DisplayText::of),
                report.provenance().startedAt().toString(), report.provenance().graderVersion(), exercises);
    }

    /** {@code exercise}'s grades, by item id. */
    private static Map<String, HandGrade> given(ExerciseReport exercise, Map<String, HandGrade> grades) {
        Map<String, HandGrade> given = new LinkedHashMap<>();
        for (ManualItemReport item : exercise.manual()) {
            HandGrade grade = grades.get(exercise.id() + "/" + item.id());
            if (grade != null) {
                given.put(item.id(), grade);
            }
        }
        return given;
    }

    private static ExerciseView exercise(ExerciseReport exercise, Map<String, HandGrade> given, int[] charts) {
        boolean shown = exercise.visibility().shownNow();
        boolean zeroed = exercise.status() != ExerciseStatus.GRADED;
        List<TestReport> visible = exercise.tests().stream().filter(test -> test.visibility().shownNow()).toList();
        List<TestReport> hidden = exercise.tests().stream().filter(test -> !test.visibility().shownNow()).toList();
        List<TestView> tests = visible.stream().map(test -> test(test, charts)).toList();
        double awarded = given.values().stream().mapToDouble(HandGrade::points).sum();
        return new ExerciseView(exercise.id(), DisplayText.of(exercise.title()),
                Points.format(Points.round(exercise.score() + awarded)),
                Points.format(exercise.maxScore()), exercise.status().jsonName(),
                exercise.score() >= exercise.automaticMaxScore(),
                shown && zeroed ? Optional.of(DisplayText.of(exercise.reason())) : Optional.empty(),
                lost(exercise, visible, hidden, zeroed), misconceptions(visible),
                shown ? exercise.findings().stream().map(FeedbackPage::finding).toList() : List.of(), tests,
                hiddenSummary(hidden, zeroed),
                shown ? exercise.manual().stream().map(item -> manual(item, given.get(item.id()))).toList()
                        : List.of(),
                !shown);
    }

    private static ManualView manual(ManualItemReport item, HandGrade grade) {
        Optional<WrittenAnswer> answer = item.answer();
        return new ManualView(DisplayText.of(item.title()), Points.format(item.points()), grade != null,
                grade == null ? "" : Points.format(grade.points()), grade == null ? "" : DisplayText.of(grade.comment()),
                answer.filter(WrittenAnswer::present).map(WrittenAnswer::text).map(DisplayText::of).orElse(""),
                answer.filter(written -> !written.present() || written.cutChars() > 0).map(FeedbackPage::answerNote)
                        .map(DisplayText::of).orElse(""));
    }

    /** What stands in for an answer that is not there, or is cut; quotes course data and the file's path only. */
    private static String answerNote(WrittenAnswer answer) {
        return switch (answer.status()) {
            case PRESENT -> "cut: " + answer.cutChars() + " more characters of " + answer.path() + " are not shown";
            case MISSING_FILE -> "no answer: the submission has no " + answer.file();
            case MISSING_SECTION -> "no answer: " + answer.path() + " has no section `" + answer.section() + "`";
            case EMPTY -> "no answer: its section in " + answer.path() + " is empty";
            case UNCHANGED -> "no answer: its section in " + answer.path() + " is unchanged from the template";
            case UNREADABLE -> "no answer: " + answer.path() + " was not read (a link or not a file)";
        };
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
