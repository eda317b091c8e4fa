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
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TextSummary {

    private static final int MESSAGE_LINE_CAP = 160;

    private TextSummary() {
    }

    /**
     * The summary, lines ending in {@code \n}, safe to print on a terminal: control characters, bidirectional
     * overrides and other invisible characters in student-derived text are shown as visible escapes
     * ({@link Escape#terminal}).
     */
    public static String render(GradeReport report) {
        return Escape.terminal(summary(report));
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
                + ": " + oneLine(exercise.reason()) : shown ? "" : "  (details are shown later)").append('\n');
        if (!shown) {
            return;
        }
        exercise.findings().forEach(finding -> appendFinding(text, finding));
        for (ScoredUnit unit : ScoredUnit.of(exercise)) {
            if (unit.outcome() != ScoredUnit.Outcome.PASSED) {
                text.append("    -").append(Numbers.format(unit.maxScore() - unit.score())).append("  ")
                        .append(unit.name().substring(exercise.id().length() + 2))
                        .append(unit.message().isEmpty() ? "" : ": " + oneLine(unit.message())).append('\n');
            }
        }
        for (ManualItemReport item : exercise.manual()) {
            text.append("    pending  ").append(item.title()).append(" (").append(Numbers.format(item.points()))
                    .append(" points, graded by hand)\n");
        }
    }

    private static String summary(GradeReport report) {
        if (report.notGraded().isPresent()) {
            NotGraded why = report.notGraded().get();
            String what = why.kind() == NotGraded.Kind.REFUSED ? "the grading was refused" : "grading failed";
            return "Not graded: " + what + " (score 0): " + why.reason().strip() + "\n";
        }
        StringBuilder text = new StringBuilder();
        int width = report.exercises().stream().mapToInt(exercise -> exercise.id().length()).max().orElse(0);
        for (ExerciseReport exercise : report.exercises()) {
            appendExercise(text, exercise, width);
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
        IntegrityText.lines(integrity).forEach(line -> text.append("    ").append(oneLine(line)).append('\n'));
    }

    private static void appendExercise(StringBuilder text, ExerciseReport exercise, int width) {
        text.append(String.format(Locale.ROOT, "%-" + width + "s  %6s / %s", exercise.id(),
                Numbers.format(exercise.score()), Numbers.format(exercise.maxScore())));
        if (!exercise.reason().isEmpty()) {
            text.append("  ").append(exercise.status().jsonName().replace('_', ' ')).append(": ").append(oneLine(exercise.reason()));
        }
        text.append('\n');
        exercise.findings().forEach(finding -> appendFinding(text, finding));
        exercise.tests().stream().filter(test -> test.lostPoints() > 0 && test.status() != TestStatus.NOT_RUN)
                .forEach(test -> appendLostTest(text, test));
        long notRun = exercise.tests().stream().filter(test -> test.status() == TestStatus.NOT_RUN).count();
        if (notRun > 0) {
            text.append(String.format(Locale.ROOT, "    -%s  %d tests not run\n", Numbers.format(
                    exercise.tests().stream().filter(t -> t.status() == TestStatus.NOT_RUN).mapToDouble(TestReport::maxScore).sum()), notRun));
        }
        for (ManualItemReport item : exercise.manual()) {
            text.append("    pending  ").append(item.title()).append(" (").append(Numbers.format(item.points()))
                    .append(" points, graded by hand)\n");
        }
    }

    private static void appendFinding(StringBuilder text, Finding finding) {
        String cost = switch (finding.severity()) {
            case WARN -> "warning";
            case DEDUCT -> "-" + Numbers.format(finding.points());
            case ZERO -> "zero";
        };
        text.append("    ").append(cost).append("  ").append(finding.location()).append(": ").append(finding.rule())
                .append(": ").append(oneLine(Findings.messageWithoutLocation(finding))).append('\n');
        if (!finding.hint().isEmpty()) {
            text.append("          hint: ").append(oneLine(finding.hint())).append('\n');
        }
    }

    private static void appendLostTest(StringBuilder text, TestReport test) {
        text.append("    -").append(Numbers.format(test.lostPoints())).append("  ").append(test.displayName())
                .append(" (").append(test.status().jsonName()).append(")");
        if (!test.message().isEmpty()) {
            text.append(": ").append(oneLine(test.message()));
        }
        text.append('\n');
        Map<String, List<Diagnosis>> byCode = test.diagnoses().stream()
                .collect(Collectors.groupingBy(Diagnosis::code, LinkedHashMap::new, Collectors.toList()));
        byCode.forEach((code, diagnoses) -> text.append("          ").append(code)
                .append(diagnoses.size() > 1 ? " (" + diagnoses.size() + "x)" : "").append(": ")
                .append(oneLine(diagnoses.get(0).text())).append('\n'));
    }

    private static String oneLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() <= MESSAGE_LINE_CAP ? first : first.substring(0, MESSAGE_LINE_CAP - 3) + "...";
    }
}
