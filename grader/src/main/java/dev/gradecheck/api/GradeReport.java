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
 * @param integrity tampering seen on the channel from the child JVMs, for instructors; {@link Integrity#NONE} when none
 */
public record GradeReport(
        double score,
        double maxScore,
        double pendingManualPoints,
        List<ExerciseReport> exercises,
        List<IgnoredPath> ignored,
        Provenance provenance,
        Integrity integrity) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(integrity, "integrity");
    }

    /** A report of a grading in which nothing was tampered with. */
    public GradeReport(double score, double maxScore, double pendingManualPoints, List<ExerciseReport> exercises,
                       List<IgnoredPath> ignored, Provenance provenance) {
        this(score, maxScore, pendingManualPoints, exercises, ignored, provenance, Integrity.NONE);
    }
}
