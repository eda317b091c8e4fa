package dev.gradecheck.pipeline;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.course.Exercise;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the front stages made of one exercise of a submission.
 *
 * @param exercise the exercise
 * @param findings missing files, compile errors, structure and bytecode findings, in pipeline order
 * @param verdict whether its hidden tests may run, and against which classes, or why not
 * @param answers manual item id to the written answer the submission holds for it (items that name one)
 */
record ExerciseCheck(Exercise exercise, List<Finding> findings, TestVerdict verdict, Map<String, WrittenAnswer> answers) {

    ExerciseCheck {
        Objects.requireNonNull(exercise, "exercise");
        findings = List.copyOf(findings);
        Objects.requireNonNull(verdict, "verdict");
        answers = Map.copyOf(answers);
    }

    /** A check without written answers. */
    ExerciseCheck(Exercise exercise, List<Finding> findings, TestVerdict verdict) {
        this(exercise, findings, verdict, Map.of());
    }

    /** This check with these written answers. */
    ExerciseCheck withAnswers(Map<String, WrittenAnswer> written) {
        return new ExerciseCheck(exercise, findings, verdict, written);
    }

    /** True when the hidden tests may run against the student's classes. */
    boolean runnable() {
        return verdict instanceof TestVerdict.Run;
    }
}
