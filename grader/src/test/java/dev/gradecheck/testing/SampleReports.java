package dev.gradecheck.testing;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built reports for writer tests: every status, a deduction, a compile error, a pending manual item. */
public final class SampleReports {

    private SampleReports() {
    }

    /** Two exercises: {@code mlp} graded with a partial-credit test and a deduction, {@code deep} not compiling. */
    public static GradeReport twoExercises() {
        TestReport passed = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#forwardShapes"), 2, 2,
                TestStatus.PASSED, "", CapturedOutput.NONE, List.of(), Duration.ofMillis(12));
        TestReport partial = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#backwardGradients"), 1.5, 3,
                TestStatus.FAILED, "db1 is wrong: relative error 0.8", new CapturedOutput("loss 0.25\n```\n", 7),
                List.of(new Diagnosis("missing-batch-sum", "db1 is not summed over the batch", Map.of("rows", "5"))),
                Duration.ofMillis(30));
        TestReport timeout = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#hugeBatch"), 0, 1,
                TestStatus.TIMEOUT, "took longer than 5000 ms", CapturedOutput.NONE, List.of(), Duration.ofMillis(5000));
        Finding deduction = new Finding("forbidden-calls", Severity.DEDUCT, 1, new Location("src/Mlp.java", 41, 9),
                "backward calls forward", "use the cache");
        ExerciseReport mlp = new ExerciseReport("mlp", "Two-layer MLP", 2.5, 6, 0, ExerciseStatus.GRADED, "",
                List.of(passed, partial, timeout), List.of(deduction), List.of());
        TestReport notRun = new TestReport(TestId.parse("backprop.deep.DeepHiddenTests#vanishes"), 0, 4,
                TestStatus.NOT_RUN, "it does not compile: Deep.java:3:1: ';' expected", CapturedOutput.NONE, List.of(), Duration.ZERO);
        Finding compile = new Finding("compile", Severity.ZERO, 0, new Location("Deep.java", 3, 1), "';' expected",
                "add the missing semicolon");
        ExerciseReport deep = new ExerciseReport("deep", "Deep network", 0, 9, 5, ExerciseStatus.NOT_RUN,
                "it does not compile: Deep.java:3:1: ';' expected", List.of(notRun), List.of(compile),
                List.of(new ManualItemReport("answer", "Written answer", 5)));
        Provenance provenance = new Provenance("submissions/alice", Optional.of("0123456789abcdef0123456789abcdef01234567"),
                List.of(new GradedFile("Deep.java", "a".repeat(64)), new GradedFile("src/Mlp.java", "b".repeat(64))),
                "0.1.0-TEST", "c".repeat(64), new Isolation(true, false, "grader", false, List.of("unshare: not permitted")),
                Instant.parse("2025-01-02T03:04:05Z"), Duration.ofMillis(4210));
        return new GradeReport(2.5, 15, 5, List.of(mlp, deep), List.of(new IgnoredPath("pom.xml", "not a student file")),
                provenance);
    }

    /** The file name a hostile submission uses for its student file, to render as a fake score heading. */
    public static final String HOSTILE_FILE = "# Final score: 100 / 100.java";

    /**
     * One exercise whose every student-derived string is an injection: a file name that is a Markdown heading, a
     * message with a link, an image and HTML, ESC sequences and a bidi override in a test message, captured output
     * that tries to close its code block, a reason with table pipes.
     */
    public static GradeReport hostile() {
        TestReport forged = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#backwardGradients"), 0, 3,
                TestStatus.FAILED, "\u001B[2J\u001B[HTotal: 100 / 100\u001B[8m\rreal \u202Eevil\u0007",
                new CapturedOutput("```\n# Final score: 100 / 100\n![x](https://evil.example/t.png)\n", 0),
                List.of(new Diagnosis("code", "<img src=x onerror=alert(1)> [click](https://evil.example)",
                        Map.of("n", "1.5 | 2"))),
                Duration.ofMillis(30));
        Finding finding = new Finding("compile", Severity.ZERO, 0, new Location(HOSTILE_FILE, 1, 1),
                "cannot find symbol `x` ![t](https://evil.example/t.png) <b>bold</b>\n# Final score: 100 / 100",
                "| a | b |\n|---|---|");
        ExerciseReport mlp = new ExerciseReport("mlp", "Two-layer MLP", 0, 3, 0, ExerciseStatus.GRADED,
                "", List.of(forged), List.of(finding), List.of());
        ExerciseReport deep = new ExerciseReport("deep", "Deep network", 0, 0, 0, ExerciseStatus.NOT_RUN,
                "it does not compile: " + HOSTILE_FILE + ":1:1: | 100 | \u001B[1A", List.of(), List.of(), List.of());
        Provenance provenance = new Provenance("submissions/\u001B]0;pwned\u0007alice", Optional.empty(),
                List.of(new GradedFile(HOSTILE_FILE, "a".repeat(64))), "0.1.0-TEST", "c".repeat(64),
                new Isolation(true, false, "grader", false, List.of()), Instant.parse("2025-01-02T03:04:05Z"),
                Duration.ofMillis(10));
        return new GradeReport(0, 3, 0, List.of(mlp, deep), List.of(new IgnoredPath("<img src=x>.txt", "not used")),
                provenance);
    }

    /** {@link #twoExercises()} with tampering seen on the channel: a forged line and a second result. */
    public static GradeReport flagged() {
        GradeReport report = twoExercises();
        TestId hugeBatch = TestId.parse("backprop.mlp.MlpHiddenTests#hugeBatch");
        Integrity integrity = new Integrity(List.of(
                new IntegrityEvent(IntegrityEvent.Kind.BAD_SIGNATURE, Optional.of(hugeBatch),
                        "a line of the events file was rejected: wrong signature", 3),
                new IntegrityEvent(IntegrityEvent.Kind.NOT_A_FRAME, Optional.empty(),
                        "a line of the events file was rejected: not a signed frame", 1)));
        return new GradeReport(report.score(), report.maxScore(), report.pendingManualPoints(), report.exercises(),
                report.ignored(), report.provenance(), integrity);
    }

    /** The marker every hidden name, message and output of {@link #withHiddenParts()} carries; no student may read it. */
    public static final String SECRET = "Secret";

    /**
     * Two exercises with parts students may not see yet: {@code mlp} (visible) with a visible passed test, a hidden
     * failed test and an after_due_date passed test; {@code deep} (after_published, so are its tests by default)
     * with a failed test, a warning and a pending manual item. Every hidden string contains {@link #SECRET}.
     */
    public static GradeReport withHiddenParts() {
        TestReport shown = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#forwardShapes"), 2, 2,
                TestStatus.PASSED, "", CapturedOutput.NONE, List.of(), Duration.ofMillis(12), Visibility.VISIBLE);
        TestReport hidden = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#gradientSecretCheck"), 0, 3,
                TestStatus.FAILED, "Secret message: expected 1 but was 2", new CapturedOutput("Secret output\n", 0),
                List.of(new Diagnosis("secret-code", "Secret diagnosis", Map.of())), Duration.ofMillis(20),
                Visibility.HIDDEN);
        TestReport later = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#laterSecretTest"), 1, 1,
                TestStatus.PASSED, "", new CapturedOutput("Secret printed\n", 0), List.of(), Duration.ofMillis(5),
                Visibility.AFTER_DUE_DATE);
        ExerciseReport mlp = new ExerciseReport("mlp", "Two-layer MLP", 3, 6, 0, ExerciseStatus.GRADED, "",
                List.of(shown, hidden, later), List.of(), List.of(), Visibility.VISIBLE);
        TestReport deepTest = new TestReport(TestId.parse("backprop.deep.DeepHiddenTests#vanishesSecretly"), 0, 4,
                TestStatus.FAILED, "Secret deep message", CapturedOutput.NONE, List.of(), Duration.ofMillis(7),
                Visibility.AFTER_PUBLISHED);
        Finding warning = Finding.warn("required-api", new Location("Deep.java", 2, 1), "Secret finding", "Secret hint");
        ExerciseReport deep = new ExerciseReport("deep", "Deep network", 0, 9, 5, ExerciseStatus.GRADED, "",
                List.of(deepTest), List.of(warning), List.of(new ManualItemReport("answer", "Secret written answer", 5)),
                Visibility.AFTER_PUBLISHED);
        return new GradeReport(3, 15, 5, List.of(mlp, deep), List.of(), twoExercises().provenance());
    }

    /**
     * One exercise zeroed by a forbidden API although its two tests passed, and one graded exercise that lost a
     * point to a deduction: the units of the formats without visibility must still add up to the score.
     */
    public static GradeReport zeroedAndDeducted() {
        TestReport a = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#a"), 2, 2, TestStatus.PASSED, "",
                CapturedOutput.NONE, List.of(), Duration.ofMillis(3));
        TestReport b = new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#b"), 1, 1, TestStatus.PASSED, "",
                CapturedOutput.NONE, List.of(), Duration.ofMillis(3));
        Finding forbidden = Finding.zero("forbidden-api", new Location("Mlp.java", 5, 3), "uses java.lang.reflect",
                "compute it yourself");
        ExerciseReport zeroed = new ExerciseReport("mlp", "Two-layer MLP", 0, 3, 0, ExerciseStatus.ZEROED,
                "Mlp.java:5:3: uses java.lang.reflect", List.of(a, b), List.of(forbidden), List.of());
        TestReport c = new TestReport(TestId.parse("backprop.deep.DeepHiddenTests#c"), 4, 4, TestStatus.PASSED, "",
                CapturedOutput.NONE, List.of(), Duration.ofMillis(3));
        Finding deduct = new Finding("forbidden-calls", Severity.DEDUCT, 1.5, new Location("Deep.java", 9, 1),
                "backward calls forward", "use the cache");
        ExerciseReport deducted = new ExerciseReport("deep", "Deep network", 2.5, 4, 0, ExerciseStatus.GRADED, "",
                List.of(c), List.of(deduct), List.of());
        return new GradeReport(2.5, 7, 0, List.of(zeroed, deducted), List.of(), twoExercises().provenance());
    }

    /** {@link #twoExercises()} whose partial test printed {@code chars} characters, some of them illegal in XML. */
    public static GradeReport withHugeOutput(int tests, int chars) {
        String noisy = ("loss \u0000\u001B[31m <tag> & ]]> \uD800 ok\n").repeat(chars / 20 + 1).substring(0, chars);
        List<TestReport> many = new java.util.ArrayList<>();
        for (int i = 0; i < tests; i++) {
            many.add(new TestReport(TestId.parse("backprop.mlp.MlpHiddenTests#noisy" + i), 0, 1, TestStatus.FAILED,
                    "x".repeat(chars), new CapturedOutput(noisy, 12), List.of(), Duration.ofMillis(1)));
        }
        ExerciseReport mlp = new ExerciseReport("mlp", "Two-layer MLP", 0, tests, 0, ExerciseStatus.GRADED, "", many,
                List.of(), List.of());
        return new GradeReport(0, tests, 0, List.of(mlp), List.of(), twoExercises().provenance());
    }

    /** A grading refused before anything ran. */
    public static GradeReport refused() {
        return GradeReport.refused("the zip file is corrupt: re-create it and submit again", twoExercises().provenance());
    }
}
