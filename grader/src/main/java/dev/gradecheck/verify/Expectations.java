package dev.gradecheck.verify;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.course.Mutant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What each variant must score, checked against its grading: one method per {@link Variant}, each returning the row
 * with every problem found (the row is ok when there are none). Stateless.
 */
final class Expectations {

    /** Scores are rounded to 2 decimals; anything closer than this is equal. */
    private static final double EPSILON = 1e-6;
    private static final int MAX_NAMED_TESTS = 3;
    private static final int MAX_MESSAGE_CHARS = 160;

    private Expectations() {
    }

    /** The solutions must earn every automatic point of the exercise, and no test may diagnose a misconception. */
    static VerificationRow solutions(ExerciseReport exercise) {
        List<String> problems = new ArrayList<>();
        List<TestReport> lost = tests(exercise, test -> test.status() != TestStatus.PASSED);
        if (exercise.status() != ExerciseStatus.GRADED) {
            problems.add(exercise.status().jsonName() + ": " + brief(exercise.reason()));
        } else if (!lost.isEmpty()) {
            problems.add("loses points on " + describe(lost));
        } else if (exercise.score() < exercise.automaticMaxScore() - EPSILON) {
            problems.add("scores " + format(exercise.score()) + " of " + format(exercise.automaticMaxScore())
                    + " although every test passed: " + costlyFindings(exercise));
        }
        List<TestReport> diagnosed = tests(exercise, test -> !test.diagnoses().isEmpty());
        if (!diagnosed.isEmpty()) {
            problems.add("correct code diagnosed as wrong by " + names(diagnosed));
        }
        return row(exercise, "solutions", Variant.SOLUTIONS, "", problems);
    }

    /**
     * The untouched template must score 0, every test failing cleanly: an assertion failure, or an error thrown by a
     * stub (its message mentions TODO) — never a timeout, a crash, or a test that did not run.
     */
    static VerificationRow template(ExerciseReport exercise) {
        List<String> problems = new ArrayList<>();
        if (exercise.status() == ExerciseStatus.NOT_RUN) {
            problems.add("not run: " + brief(exercise.reason()));
        } else {
            addIfAny(problems, "earns points on ", tests(exercise, test -> test.score() > 0));
            addIfAny(problems, "times out on ", tests(exercise, test -> test.status() == TestStatus.TIMEOUT));
            addIfAny(problems, "crashes (an error that is not a stub's TODO) on ", tests(exercise, Expectations::crashed));
            addIfAny(problems, "does not run ", tests(exercise, test -> test.status() == TestStatus.NOT_RUN));
        }
        return row(exercise, "template", Variant.TEMPLATE, "", problems);
    }

    /**
     * A known-bug variant must lose test points on its own exercise (its hidden tests must catch it: a structure rule
     * zeroing it does not count), lose no points on any other exercise (compared with the solutions' grading), and
     * its exercise's tests must diagnose its misconception code.
     *
     * @param exerciseId the variant's exercise
     * @param graded the variant's grading, every exercise graded
     * @param baseline the solutions' grading, every exercise graded
     */
    static VerificationRow knownBug(String exerciseId, Mutant mutant, GradeReport graded, GradeReport baseline) {
        ExerciseReport own = exercise(graded, exerciseId);
        List<String> problems = new ArrayList<>();
        if (own.status() == ExerciseStatus.NOT_RUN) {
            problems.add("not run: " + brief(own.reason()));
        } else {
            if (own.status() == ExerciseStatus.ZEROED) {
                problems.add("zeroed: " + brief(own.reason()) + " — its hidden tests, not a structure rule, must catch it");
            }
            if (testScore(own) >= testScore(exercise(baseline, exerciseId)) - EPSILON) {
                problems.add("loses no points — no hidden test catches it");
            }
        }
        for (ExerciseReport other : graded.exercises()) {
            double expected = exercise(baseline, other.id()).score();
            if (!other.id().equals(exerciseId) && other.score() < expected - EPSILON) {
                problems.add("also loses points on " + other.id() + " (" + format(other.score()) + " of "
                        + format(expected) + ")");
            }
        }
        Set<String> found = codes(own);
        if (!found.contains(mutant.code())) {
            problems.add("its code " + mutant.code() + " is not among the diagnoses"
                    + (found.isEmpty() ? " (no test diagnosed anything)" : ""));
        }
        return row(own, mutant.code(), Variant.KNOWN_BUG, mutant.code(), problems);
    }

    /** A known-bug variant that could not be graded at all, e.g. because its files replace no solution file. */
    static VerificationRow ungradable(String exerciseId, double maxScore, Mutant mutant, List<String> problems) {
        return new VerificationRow(exerciseId, mutant.code(), Variant.KNOWN_BUG, OptionalDouble.empty(), maxScore,
                mutant.code(), List.of(), problems);
    }

    /** The exercise's report in {@code report}; the verifier always grades the exercises it asks about. */
    static ExerciseReport exercise(GradeReport report, String id) {
        return report.exercises().stream().filter(exercise -> exercise.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the grading has no report for exercise " + id));
    }

    private static VerificationRow row(ExerciseReport exercise, String variant, Variant kind, String expectedCode,
                                       List<String> problems) {
        return new VerificationRow(exercise.id(), variant, kind, OptionalDouble.of(exercise.score()),
                exercise.automaticMaxScore(), expectedCode, List.copyOf(codes(exercise)), problems);
    }

    /** {@code forbidden-calls at Mlp.java:41:9: backward calls forward}, for the findings that cost points. */
    private static String costlyFindings(ExerciseReport exercise) {
        List<String> costly = exercise.findings().stream().filter(finding -> finding.severity() != Severity.WARN)
                .map(finding -> finding.rule() + " at " + finding.location() + ": " + brief(finding.message()))
                .toList();
        return costly.isEmpty() ? "see the findings of " + exercise.id()
                : String.join(", ", costly.subList(0, Math.min(MAX_NAMED_TESTS, costly.size()))) + more(costly.size());
    }

    /** The points the hidden tests awarded, before findings are applied. */
    private static double testScore(ExerciseReport exercise) {
        return exercise.tests().stream().mapToDouble(TestReport::score).sum();
    }

    private static boolean crashed(TestReport test) {
        return test.status() == TestStatus.ERROR && !test.message().contains("TODO");
    }

    private static Set<String> codes(ExerciseReport exercise) {
        Set<String> codes = new TreeSet<>();
        exercise.tests().forEach(test -> test.diagnoses().stream().map(Diagnosis::code).forEach(codes::add));
        return codes;
    }

    private static List<TestReport> tests(ExerciseReport exercise, Predicate<TestReport> condition) {
        return exercise.tests().stream().filter(condition).toList();
    }

    private static void addIfAny(List<String> problems, String what, List<TestReport> tests) {
        if (!tests.isEmpty()) {
            problems.add(what + describe(tests));
        }
    }

    /** {@code `T.a` (failed: expected 42, got 41), `T.b` (timeout: ...) and 2 more}. */
    private static String describe(List<TestReport> tests) {
        List<String> named = new ArrayList<>();
        for (TestReport test : tests.subList(0, Math.min(MAX_NAMED_TESTS, tests.size()))) {
            String message = brief(test.message());
            named.add("`" + test.displayName() + "` (" + test.status().jsonName()
                    + (message.isEmpty() ? "" : ": " + message) + ")");
        }
        return String.join(", ", named) + more(tests.size());
    }

    private static String names(List<TestReport> tests) {
        List<String> named = new ArrayList<>();
        for (TestReport test : tests.subList(0, Math.min(MAX_NAMED_TESTS, tests.size()))) {
            List<String> codes = test.diagnoses().stream().map(Diagnosis::code).distinct().toList();
            named.add("`" + test.displayName() + "` (" + String.join(", ", codes) + ")");
        }
        return String.join(", ", named) + more(tests.size());
    }

    private static String more(int count) {
        return count > MAX_NAMED_TESTS ? " and " + (count - MAX_NAMED_TESTS) + " more" : "";
    }

    /** The first line of a message, capped: enough to recognise it in a table. */
    static String brief(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }

    /** {@code 3}, {@code 3.5}, {@code 33.33}. */
    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
