package dev.gradecheck.report;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.scoring.Findings;
import dev.gradecheck.scoring.Points;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The readable per-exercise summary the command line prints: each exercise's score, every lost point with its
 * reason (diagnoses grouped by code), every finding with {@code file:line:column} and hint, and pending manual
 * items, and, for a grading flagged for tampering, an {@code INTEGRITY:} line with what was seen. Deterministic: no
 * durations.
 *
 * <p>No text is cut: long lines are word-wrapped ({@link Wrap}), continuation lines indented. {@link Detail#COMPACT}
 * shows the first line of each message and, per exercise, one line for all the tests
 * that lost points only to methods that are still stubs, naming those methods; {@link Detail#VERBOSE} shows every
 * line of every message, every diagnosis, each test separately, and what each test printed.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TextSummary {

    private static final String TEST_INDENT = "    ";
    private static final String DETAIL_INDENT = "          ";

    /** How much the summary shows. */
    public enum Detail {
        /** First lines of messages, stub-only failures collapsed into one line per exercise. */
        COMPACT,
        /** Full messages, every diagnosis, captured output; nothing collapsed. */
        VERBOSE
    }

    private TextSummary() {
    }

    /** The {@link Detail#COMPACT} summary (see {@link #render(GradeReport, Detail)}). */
    public static String render(GradeReport report) {
        return render(report, Detail.COMPACT);
    }

    /**
     * The summary, lines ending in {@code \n}, safe to print on a terminal: control characters, bidirectional
     * overrides and other invisible characters in student-derived text are shown as visible escapes
     * ({@link Escape#terminal}).
     *
     * @param report the grading
     * @param detail how much to show, never null
     */
    public static String render(GradeReport report, Detail detail) {
        java.util.Objects.requireNonNull(detail, "detail");
        return Escape.terminal(summary(report, detail));
    }

    /**
     * The summary as a student may read it, for a log students see (a GitHub Classroom job): like {@link #render},
     * but every test that is not visible is summed into one line per exercise without its name or message, and an
     * exercise that is not visible shows only its score.
     */
    public static String renderForStudents(GradeReport report) {
        if (report.notGraded().isPresent()) {
            return render(report);
        }
        StringBuilder text = new StringBuilder();
        int width = report.exercises().stream().mapToInt(exercise -> exercise.id().length()).max().orElse(0);
        for (ExerciseReport exercise : report.exercises()) {
            appendForStudents(text, exercise, width);
        }
        text.append(String.format(Locale.ROOT, "Total: %s / %s\n", Numbers.format(report.score()),
                Numbers.format(report.maxScore() - report.pendingManualPoints())));
        return Escape.terminal(text.toString());
    }

    private static void appendForStudents(StringBuilder text, ExerciseReport exercise, int width) {
        boolean shown = exercise.visibility().shownNow();
        text.append(String.format(Locale.ROOT, "%-" + width + "s  %6s / %s", exercise.id(),
                Numbers.format(exercise.score()), Numbers.format(exercise.automaticMaxScore())));
        text.append(shown && !exercise.reason().isEmpty() ? "  " + exercise.status().jsonName().replace('_', ' ')
                + ": " + firstLine(exercise.reason()) : shown ? "" : "  (details are shown later)").append('\n');
        if (!shown) {
            return;
        }
        exercise.findings().forEach(finding -> appendFinding(text, finding));
        for (ScoredUnit unit : ScoredUnit.of(exercise)) {
            if (unit.outcome() != ScoredUnit.Outcome.PASSED) {
                text.append("    -").append(Numbers.format(unit.maxScore() - unit.score())).append("  ")
                        .append(unit.name().substring(exercise.id().length() + 2))
                        .append(unit.message().isEmpty() ? "" : ": " + firstLine(unit.message())).append('\n');
            }
        }
        for (ManualItemReport item : exercise.manual()) {
            text.append(Wrap.lines(TEST_INDENT + "pending  ", DETAIL_INDENT, pending(item)));
        }
    }

    private static String summary(GradeReport report, Detail detail) {
        if (report.notGraded().isPresent()) {
            NotGraded why = report.notGraded().get();
            String what = why.kind() == NotGraded.Kind.REFUSED ? "the grading was refused" : "grading failed";
            return "Not graded: " + what + " (score 0): " + why.reason().strip() + "\n";
        }
        StringBuilder text = new StringBuilder();
        int width = report.exercises().stream().mapToInt(exercise -> exercise.id().length()).max().orElse(0);
        for (ExerciseReport exercise : report.exercises()) {
            appendExercise(text, exercise, width, detail);
        }
        text.append(String.format(Locale.ROOT, "Total: %s / %s", Numbers.format(report.score()),
                Numbers.format(report.maxScore())));
        if (report.pendingManualPoints() > 0) {
            text.append(" (").append(Numbers.format(report.pendingManualPoints())).append(" points pending manual grading)");
        }
        text.append('\n');
        appendIntegrity(text, report.integrity());
        return text.toString();
    }

    /** The terminal is the operator's and instructor's view: tampering is said plainly, after the total. */
    private static void appendIntegrity(StringBuilder text, Integrity integrity) {
        if (!integrity.flagged()) {
            return;
        }
        text.append("INTEGRITY: ").append(IntegrityText.FLAGGED).append(":\n");
        IntegrityText.lines(integrity).forEach(line -> text.append(Wrap.lines(TEST_INDENT, DETAIL_INDENT, line)));
    }

    private static void appendExercise(StringBuilder text, ExerciseReport exercise, int width, Detail detail) {
        String head = String.format(Locale.ROOT, "%-" + width + "s  %6s / %s", exercise.id(),
                Numbers.format(exercise.score()), Numbers.format(exercise.maxScore()));
        if (exercise.reason().isEmpty()) {
            text.append(head).append('\n');
        } else {
            text.append(Wrap.lines("", DETAIL_INDENT, head + "  " + exercise.status().jsonName().replace('_', ' ')
                    + ": " + firstLine(exercise.reason())));
        }
        exercise.findings().forEach(finding -> appendFinding(text, finding));
        appendTests(text, exercise.tests(), detail);
        long notRun = exercise.tests().stream().filter(test -> test.status() == TestStatus.NOT_RUN).count();
        if (notRun > 0) {
            text.append(String.format(Locale.ROOT, "    -%s  %d tests not run\n", Numbers.format(
                    exercise.tests().stream().filter(t -> t.status() == TestStatus.NOT_RUN).mapToDouble(TestReport::maxScore).sum()), notRun));
        }
        for (ManualItemReport item : exercise.manual()) {
            text.append(Wrap.lines(TEST_INDENT + "pending  ", DETAIL_INDENT, pending(item)));
            if (detail == Detail.VERBOSE) {
                appendAnswer(text, item);
            }
        }
    }

    /** {@code Written answer (5 points, graded by hand; answer: 212 words in ANSWERS.md)}. */
    private static String pending(ManualItemReport item) {
        String answer = AnswerText.status(item);
        return item.title() + " (" + Numbers.format(item.points()) + " points, graded by hand"
                + (answer.isEmpty() ? "" : "; " + answer) + ")";
    }

    /** The answer's lines, indented; {@link #render} makes control characters visible, Markdown stays text. */
    private static void appendAnswer(StringBuilder text, ManualItemReport item) {
        if (item.answer().isEmpty() || !item.answer().get().present()) {
            return;
        }
        item.answer().get().text().lines()
                .forEach(line -> text.append(line.isBlank() ? "\n" : Wrap.lines(DETAIL_INDENT + "| ", DETAIL_INDENT + "| ", line)));
    }

    private static void appendTests(StringBuilder text, List<TestReport> tests, Detail detail) {
        List<TestReport> lost = tests.stream()
                .filter(test -> test.lostPoints() > 0 && test.status() != TestStatus.NOT_RUN).toList();
        List<TestReport> stubOnly = detail == Detail.COMPACT
                ? lost.stream().filter(StubFailures::isStubOnly).toList() : List.of();
        lost.stream().filter(test -> !stubOnly.contains(test)).forEach(test -> appendLostTest(text, test, detail));
        appendStubOnly(text, stubOnly);
        if (detail == Detail.VERBOSE) {
            tests.stream().filter(test -> test.lostPoints() <= 0 && !test.output().text().isEmpty())
                    .forEach(test -> appendPassedOutput(text, test));
        }
    }

    /** One line for the tests that lost points only to stubs: how many, what they cost, which methods to write. */
    private static void appendStubOnly(StringBuilder text, List<TestReport> stubOnly) {
        if (stubOnly.isEmpty()) {
            return;
        }
        double lost = stubOnly.stream().mapToDouble(TestReport::lostPoints).sum();
        List<String> stubs = StubFailures.stubs(stubOnly);
        String which = stubs.isEmpty() ? "methods that still throw the template's TODO"
                : "methods that are still stubs (TODO): " + String.join(", ", stubs);
        text.append(Wrap.lines(TEST_INDENT + "-" + Numbers.format(Points.round(lost)) + "  ", DETAIL_INDENT,
                stubOnly.size() + (stubOnly.size() == 1 ? " test needs " : " tests need ") + which
                        + " — implement them and these tests run (--verbose lists each test)"));
    }

    private static void appendFinding(StringBuilder text, Finding finding) {
        String cost = switch (finding.severity()) {
            case WARN -> "warning";
            case DEDUCT -> "-" + Numbers.format(finding.points());
            case ZERO -> "zero";
        };
        text.append(Wrap.lines(TEST_INDENT + cost + "  ", DETAIL_INDENT, finding.location() + ": " + finding.rule()
                + ": " + firstLine(Findings.messageWithoutLocation(finding))));
        if (!finding.hint().isEmpty()) {
            text.append(Wrap.lines(DETAIL_INDENT + "hint: ", DETAIL_INDENT + "      ", firstLine(finding.hint())));
        }
    }

    private static void appendLostTest(StringBuilder text, TestReport test, Detail detail) {
        String head = "-" + Numbers.format(test.lostPoints()) + "  " + test.displayName() + " ("
                + test.status().jsonName() + ")";
        List<String> lines = test.message().strip().lines().toList();
        if (lines.isEmpty()) {
            text.append(TEST_INDENT).append(head).append('\n');
        } else {
            text.append(Wrap.lines(TEST_INDENT, DETAIL_INDENT, head + ": " + lines.get(0)));
            appendMoreLines(text, lines.subList(1, lines.size()), detail);
        }
        appendDiagnoses(text, test.diagnoses(), detail);
        if (detail == Detail.VERBOSE) {
            appendOutput(text, test);
        }
    }

    private static void appendMoreLines(StringBuilder text, List<String> more, Detail detail) {
        if (detail == Detail.VERBOSE) {
            more.forEach(line -> text.append(Wrap.lines(DETAIL_INDENT, DETAIL_INDENT + "  ", line)));
        }
    }

    private static void appendDiagnoses(StringBuilder text, List<Diagnosis> diagnoses, Detail detail) {
        if (detail == Detail.VERBOSE) {
            diagnoses.forEach(d -> text.append(Wrap.lines(DETAIL_INDENT + d.code() + ": ", DETAIL_INDENT + "  ",
                    String.join(" ", d.text().strip().lines().toList()))));
            return;
        }
        Map<String, List<Diagnosis>> byCode = diagnoses.stream()
                .collect(Collectors.groupingBy(Diagnosis::code, LinkedHashMap::new, Collectors.toList()));
        byCode.forEach((code, same) -> text.append(Wrap.lines(DETAIL_INDENT + code
                + (same.size() > 1 ? " (" + same.size() + "x)" : "") + ": ", DETAIL_INDENT + "  ",
                firstLine(same.get(0).text()))));
    }

    private static void appendPassedOutput(StringBuilder text, TestReport test) {
        text.append(TEST_INDENT).append("ok  ").append(test.displayName()).append(" (")
                .append(test.status().jsonName()).append(")\n");
        appendOutput(text, test);
    }

    /** What the test printed, each line indented, and how much of it the sandbox dropped. */
    private static void appendOutput(StringBuilder text, TestReport test) {
        if (test.output().text().isEmpty()) {
            return;
        }
        text.append(DETAIL_INDENT).append("output:\n");
        test.output().text().lines().forEach(line -> text.append(DETAIL_INDENT).append("| ").append(line).append('\n'));
        if (test.output().droppedChars() > 0) {
            text.append(DETAIL_INDENT).append("(").append(test.output().droppedChars())
                    .append(" more characters were dropped)\n");
        }
    }

    private static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse("");
    }
}
