package dev.gradecheck.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of grading one submission; what every report writer formats.
 *
 * @param score points earned automatically over the graded exercises, rounded to 2 decimals
 * @param maxScore the graded exercises' maximum, manual items included
 * @param pendingManualPoints points of manual items awaiting a person
 * @param exercises the graded exercises, in course order
 * @param ignored the submission's files the grader did not use
 * @param provenance what was graded, how and when
 * @param notGraded why nothing was graded, when the grading was refused (a submission that cannot be opened, a git
 *     repository that links to another one, an unknown exercise) or failed (an invalid suite, a permission problem,
 *     an internal error): then the score is 0 and there are no exercises; empty for a grading that ran, whatever its
 *     score
 * @param integrity tampering seen on the channel from the child JVMs, for instructors; {@link Integrity#NONE} when none
 */
@API(status = API.Status.STABLE, since = "0.1")
public record GradeReport(
        double score,
        double maxScore,
        double pendingManualPoints,
        List<ExerciseReport> exercises,
        List<IgnoredPath> ignored,
        Provenance provenance,
        Optional<NotGraded> notGraded,
        Integrity integrity) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(notGraded, "notGraded");
        Objects.requireNonNull(integrity, "integrity");
        if (notGraded.isPresent() && (score != 0 || !exercises.isEmpty())) {
            throw new IllegalArgumentException("a refused or failed grading scores 0 and grades no exercise");
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
        return notGraded(new NotGraded(NotGraded.Kind.REFUSED, reason), provenance);
    }

    /** A grading that failed for {@code reason} (what broke, and how to fix it): score 0, nothing graded. */
    public static GradeReport failed(String reason, Provenance provenance) {
        return notGraded(new NotGraded(NotGraded.Kind.FAILED, reason), provenance);
    }

    private static GradeReport notGraded(NotGraded why, Provenance provenance) {
        return new GradeReport(0, 0, 0, List.of(), List.of(), provenance, Optional.of(why), Integrity.NONE);
    }

    /** Why the grading was refused; empty when it ran or failed. */
    public Optional<String> refusal() {
        return notGraded.filter(why -> why.kind() == NotGraded.Kind.REFUSED).map(NotGraded::reason);
    }
}
