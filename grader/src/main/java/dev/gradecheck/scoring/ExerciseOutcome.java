package dev.gradecheck.scoring;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.course.Exercise;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the pipeline observed for one exercise, before scoring.
 *
 * @param exercise the manifest
 * @param findings every finding of the front stages, in pipeline order
 * @param results the sandbox's result per test; a test without a result counts as not run
 * @param notRunReason why the tests did not run (missing file, compile error, forbidden API); empty when they ran
 * @param answers manual item id to the written answer the submission holds for it; items without one are absent
 */
@API(status = API.Status.INTERNAL)
public record ExerciseOutcome(Exercise exercise, List<Finding> findings, Map<TestId, TestResult> results,
                              String notRunReason, Map<String, WrittenAnswer> answers) {

    public ExerciseOutcome {
        Objects.requireNonNull(exercise, "exercise");
        findings = List.copyOf(findings);
        results = Map.copyOf(results);
        notRunReason = notRunReason == null ? "" : notRunReason;
        answers = Map.copyOf(answers);
    }

    /** An outcome without written answers. */
    public ExerciseOutcome(Exercise exercise, List<Finding> findings, Map<TestId, TestResult> results,
                           String notRunReason) {
        this(exercise, findings, results, notRunReason, Map.of());
    }

    /** This outcome with the written answers of its manual items. */
    public ExerciseOutcome withAnswers(Map<String, WrittenAnswer> written) {
        return new ExerciseOutcome(exercise, findings, results, notRunReason, written);
    }

    /** An exercise whose tests ran. */
    public static ExerciseOutcome ran(Exercise exercise, List<Finding> findings, Map<TestId, TestResult> results) {
        return new ExerciseOutcome(exercise, findings, results, "");
    }

    /** An exercise whose tests could not run, with the reason a student reads. */
    public static ExerciseOutcome notRun(Exercise exercise, List<Finding> findings, String reason) {
        return new ExerciseOutcome(exercise, findings, Map.of(), reason);
    }

    /** True when the hidden tests ran. */
    public boolean testsRan() {
        return notRunReason.isEmpty();
    }
}
