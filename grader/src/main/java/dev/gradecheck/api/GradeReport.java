package dev.gradecheck.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of grading one submission; what every report writer formats.
 *
 * @param score points earned automatically over the graded exercises, rounded to 2 decimals
 * @param maxScore the graded exercises' maximum, manual items included
 * @param pendingManualPoints points of manual items awaiting a person
 * @param exercises the graded exercises, in course order
 * @param ignored the submission's files the grader did not use
 * @param provenance what was graded, how and when
 */
public record GradeReport(
        double score,
        double maxScore,
        double pendingManualPoints,
        List<ExerciseReport> exercises,
        List<IgnoredPath> ignored,
        Provenance provenance) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(provenance, "provenance");
    }
}
