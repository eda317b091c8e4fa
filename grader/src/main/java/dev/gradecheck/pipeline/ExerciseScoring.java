package dev.gradecheck.pipeline;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.sandbox.spec.LingeringThreads;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.scoring.ExerciseOutcome;
import dev.gradecheck.scoring.Scorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scoring step: each exercise's outcome — the front stages' findings and verdict, its tests' results, and what
 * its code did in the sandbox beyond its tests — scored by {@link Scorer}. Stateless.
 */
final class ExerciseScoring {

    private ExerciseScoring() {
    }

    /** One report per check, in the order of {@code checked}. */
    static List<ExerciseReport> score(List<ExerciseCheck> checked, Optional<SandboxRun> run) {
        Map<TestId, TestResult> results = new HashMap<>();
        run.ifPresent(ran -> ran.results().forEach(result -> results.put(result.id(), result)));
        List<LingeringThreads> lingering = run.map(SandboxRun::lingering).orElse(List.of());
        List<ResourceSquat> squats = run.map(SandboxRun::squats).orElse(List.of());
        List<ExerciseReport> reports = new ArrayList<>();
        for (ExerciseCheck check : checked) {
            reports.add(Scorer.score(outcome(check, results, lingering, squats)));
        }
        return reports;
    }

    private static ExerciseOutcome outcome(ExerciseCheck check, Map<TestId, TestResult> results,
                                           List<LingeringThreads> lingering, List<ResourceSquat> squats) {
        if (check.verdict() instanceof TestVerdict.NotRun notRun) {
            return ExerciseOutcome.notRun(check.exercise(), check.findings(), notRun.reason())
                    .withAnswers(check.answers());
        }
        return ExerciseOutcome.ran(check.exercise(), withConduct(check, lingering, squats),
                resultsOf(check.exercise(), results)).withAnswers(check.answers());
    }

    /**
     * The front stages' findings, then a warning for each of the exercise's tests that left threads running, then
     * what the exercise left behind for the other exercises' tests.
     */
    private static List<Finding> withConduct(ExerciseCheck check, List<LingeringThreads> lingering,
                                             List<ResourceSquat> squats) {
        Set<TestId> own = new HashSet<>();
        check.exercise().tests().forEach(test -> own.add(test.id()));
        List<Finding> findings = new ArrayList<>(check.findings());
        lingering.stream().filter(left -> own.contains(left.test())).map(ExerciseScoring::lingeringThread)
                .forEach(findings::add);
        squats.stream().filter(squat -> squat.exercise().equals(check.exercise().id()))
                .map(ExerciseScoring::resourceSquat).forEach(findings::add);
        return findings;
    }

    /**
     * The exercise scores 0: its code kept, past its tests, a third of the memory (or 64 threads) that every test of
     * the grading shares, which is what makes the next exercise's tests run out of memory. Those now run in a fresh
     * JVM, so the squat costs no one else; without a charge it would cost its author nothing either, and no solution
     * needs to keep that much after its test has ended. The limit, not the amount measured, is named, so that the
     * same submission always gets the same report.
     */
    private static Finding resourceSquat(ResourceSquat squat) {
        String kept = switch (squat.resource()) {
            case HEAP -> "still held more than " + squat.limit() + " MB of heap memory (a third of the heap the tests"
                    + " run with)";
            case DIRECT_MEMORY -> "still held more than " + squat.limit() + " MB of direct buffers"
                    + " (ByteBuffer.allocateDirect; a third of what the tests may use)";
            case THREADS -> "still had more than " + squat.limit() + " threads running";
        };
        return Finding.zero("resource-squat", Location.of(""), "after this exercise's tests had run, your code "
                + kept + ", which the tests of the other exercises would have paid for (they were run in a fresh"
                + " JVM instead)",
                "release the big arrays and buffers you keep in static fields, and stop the threads you start: every"
                        + " test must leave memory and threads as it found them");
    }

    /**
     * A warning, not a deduction: the thread can no longer harm another test (what it prints afterwards is
     * discarded), and a forgotten join is a mistake more often than a trick.
     */
    private static Finding lingeringThread(LingeringThreads left) {
        return Finding.warn("lingering-thread", Location.of(""), "the test " + left.test().simpleClassName() + "."
                + left.test().methodName() + " ended with " + left.threads() + " thread(s) your code started still"
                + " running (" + String.join(", ", left.names()) + "); what they printed afterwards was discarded",
                "stop and join every thread you start before the method that started it returns");
    }

    private static Map<TestId, TestResult> resultsOf(Exercise exercise, Map<TestId, TestResult> results) {
        Map<TestId, TestResult> own = new HashMap<>();
        exercise.tests().forEach(test -> {
            TestResult result = results.get(test.id());
            if (result != null) {
                own.put(test.id(), result);
            }
        });
        return own;
    }
}
