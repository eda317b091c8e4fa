package dev.gradecheck.pipeline;

import dev.gradecheck.api.Finding;
import dev.gradecheck.course.Exercise;
import java.util.List;
import java.util.Objects;

/**
 * What the front stages made of one exercise of a submission.
 *
 * @param exercise the exercise
 * @param findings missing files, compile errors, structure and bytecode findings, in pipeline order
 * @param verdict whether its hidden tests may run, and against which classes, or why not
 */
record ExerciseCheck(Exercise exercise, List<Finding> findings, TestVerdict verdict) {

    ExerciseCheck {
        Objects.requireNonNull(exercise, "exercise");
        findings = List.copyOf(findings);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** True when the hidden tests may run against the student's classes. */
    boolean runnable() {
        return verdict instanceof TestVerdict.Run;
    }
}
