package dev.gradecheck.report;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.scoring.Findings;
import dev.gradecheck.scoring.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One scored line of an exercise as the formats without a notion of visibility (PrairieLearn, GitHub Classroom,
 * JUnit XML) show it to a student. {@link #of} gives, per exercise: one unit per test a student may see now; one
 * unit {@code "<exercise>: N hidden tests"} summing every other test (hidden, after_due_date, after_published: these
 * formats cannot delay what they show), without their names, messages or output; and, when deductions cost points,
 * one unit {@code "<exercise>: code checks"} with the (negative) points deducted. The units' scores add up to the
 * exercise's score exactly: in a zeroed exercise every unit scores 0.
 *
 * @param name what the student reads, e.g. {@code chain-rule: ChainRuleHiddenTests.sinSquare}
 * @param test the test behind the unit; empty for a summary or deduction unit
 * @param score points earned (negative only for a deduction unit)
 * @param maxScore points possible (0 for a deduction unit)
 * @param outcome passed only at full points of a unit worth something
 * @param message why points were lost, for the student; empty when passed
 * @param output what the test printed, capped; {@link CapturedOutput#NONE} for summary units
 * @param duration wall time; zero for summary units
 */
record ScoredUnit(String name, Optional<String> test, double score, double maxScore, Outcome outcome, String message,
                  CapturedOutput output, Duration duration) {

    /** How a unit ended, in the words every format has. */
    enum Outcome {
        PASSED, FAILED, ERROR;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ScoredUnit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(duration, "duration");
        if (outcome == Outcome.PASSED && (score < maxScore || maxScore <= 0)) {
            throw new IllegalArgumentException("a unit passes only at full points, was " + score + " / " + maxScore);
        }
    }

    /** The exercise's units, in manifest order, hidden tests' summary after the visible tests, deductions last. */
    static List<ScoredUnit> of(ExerciseReport exercise) {
        boolean zeroed = exercise.status() == ExerciseStatus.ZEROED;
        List<ScoredUnit> units = new ArrayList<>();
        List<TestReport> hidden = new ArrayList<>();
        for (TestReport test : exercise.tests()) {
            if (test.visibility().shownNow()) {
                units.add(visible(exercise, test, zeroed));
            } else {
                hidden.add(test);
            }
        }
        if (!hidden.isEmpty()) {
            units.add(hiddenSummary(exercise, hidden, zeroed));
        }
        double deducted = Points.round(exercise.score() - units.stream().mapToDouble(ScoredUnit::score).sum());
        if (deducted < 0) {
            units.add(deductions(exercise, deducted));
        }
        return units;
    }

    private static ScoredUnit visible(ExerciseReport exercise, TestReport test, boolean zeroed) {
        String name = exercise.id() + ": " + test.displayName();
        Optional<String> id = Optional.of(test.id().toString());
        if (zeroed) {
            String reason = exercise.visibility().shownNow() ? exercise.reason() : "a code check set it to 0";
            String why = "the exercise scores 0: " + reason + (test.message().isEmpty() ? "" : "\n" + test.message());
            return new ScoredUnit(name, id, 0, test.maxScore(), Outcome.FAILED, why, test.output(), test.duration());
        }
        return new ScoredUnit(name, id, test.score(), test.maxScore(), outcome(test.status()), test.message(),
                test.output(), test.duration());
    }

    private static Outcome outcome(TestStatus status) {
        return switch (status) {
            case PASSED -> Outcome.PASSED;
            case FAILED -> Outcome.FAILED;
            case ERROR, TIMEOUT, NOT_RUN -> Outcome.ERROR;
        };
    }

    private static ScoredUnit hiddenSummary(ExerciseReport exercise, List<TestReport> hidden, boolean zeroed) {
        double score = zeroed ? 0 : Points.round(hidden.stream().mapToDouble(TestReport::score).sum());
        double max = Points.round(hidden.stream().mapToDouble(TestReport::maxScore).sum());
        long notPassed = zeroed ? hidden.size() : hidden.stream().filter(test -> test.status() != TestStatus.PASSED).count();
        String name = exercise.id() + ": " + hidden.size() + (hidden.size() == 1 ? " hidden test" : " hidden tests");
        String message = notPassed == 0 ? "" : String.format(Locale.ROOT, "%d of %d hidden tests did not pass"
                + " (their names and messages are not shown)", notPassed, hidden.size());
        return new ScoredUnit(name, Optional.empty(), score, max, notPassed == 0 ? Outcome.PASSED : Outcome.FAILED,
                message, CapturedOutput.NONE, Duration.ZERO);
    }

    private static ScoredUnit deductions(ExerciseReport exercise, double deducted) {
        String message = exercise.visibility().shownNow()
                ? exercise.findings().stream().filter(finding -> finding.severity() == Severity.DEDUCT)
                        .map(ScoredUnit::deduction).collect(Collectors.joining("\n"))
                : "points were deducted by the code checks";
        return new ScoredUnit(exercise.id() + ": code checks", Optional.empty(), deducted, 0, Outcome.FAILED,
                message, CapturedOutput.NONE, Duration.ZERO);
    }

    private static String deduction(Finding finding) {
        return "-" + Points.format(finding.points()) + " " + Findings.describe(finding);
    }
}
