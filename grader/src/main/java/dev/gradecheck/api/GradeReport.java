package dev.gradecheck.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of grading one submission; what every report writer formats.
 *
 * @param score points earned automatically over the graded exercises, rounded to 2 decimals
 * @param maxScore the graded exercises' maximum, manual items included
 * @param pendingManualPoints points of manual items awaiting a person
 * @param exercises the graded exercises, in course order
 * @param ignored the submission's files the grader did not use
 * @param provenance what was graded, how and when
 * @param refusal why nothing was graded, when the grading was refused (a submission that cannot be opened, a git
 *     repository that links to another one, an unknown exercise): then the score is 0 and there are no exercises;
 *     empty for a grading that ran, whatever its score
 * @param integrity tampering seen on the channel from the child JVMs, for instructors; {@link Integrity#NONE} when none
 */
public record GradeReport(
        double score,
        double maxScore,
        double pendingManualPoints,
        List<ExerciseReport> exercises,
        List<IgnoredPath> ignored,
        Provenance provenance,
        Optional<String> refusal,
        Integrity integrity) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(integrity, "integrity");
        if (refusal.isPresent() && (score != 0 || !exercises.isEmpty() || refusal.get().isBlank())) {
            throw new IllegalArgumentException("a refused grading scores 0, grades no exercise and says why");
        }
    }

    /** A grading that ran, in which nothing was tampered with. */
    public GradeReport(double score, double maxScore, double pendingManualPoints, List<ExerciseReport> exercises,
                       List<IgnoredPath> ignored, Provenance provenance) {
        this(score, maxScore, pendingManualPoints, exercises, ignored, provenance, Optional.empty(), Integrity.NONE);
    }

    /** A grading that ran, with what its integrity log holds. */
    public GradeReport(double score, double maxScore, double pendingManualPoints, List<ExerciseReport> exercises,
                       List<IgnoredPath> ignored, Provenance provenance, Integrity integrity) {
        this(score, maxScore, pendingManualPoints, exercises, ignored, provenance, Optional.empty(), integrity);
    }

    /** A grading refused for {@code reason} (what is wrong and how to fix it): score 0, nothing graded. */
    public static GradeReport refused(String reason, Provenance provenance) {
        return new GradeReport(0, 0, 0, List.of(), List.of(), provenance, Optional.of(reason), Integrity.NONE);
    }
}
