package dev.gradecheck;

import dev.gradecheck.api.Finding;
import dev.gradecheck.course.Exercise;
import java.nio.file.Path;
import java.util.List;

/**
 * What the front stages made of one exercise of a submission.
 *
 * @param exercise the exercise
 * @param findings missing files, compile errors, structure and bytecode findings, in pipeline order
 * @param studentClasses the folder holding the student's compiled classes (meaningful only when runnable)
 * @param notRunReason why its hidden tests must not run; empty when they may
 */
record ExerciseCheck(Exercise exercise, List<Finding> findings, Path studentClasses, String notRunReason) {

    ExerciseCheck {
        findings = List.copyOf(findings);
    }

    /** True when the hidden tests may run against the student's classes. */
    boolean runnable() {
        return notRunReason.isEmpty();
    }
}
