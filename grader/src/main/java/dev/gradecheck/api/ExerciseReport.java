package dev.gradecheck.api;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One exercise of a graded submission.
 *
 * @param id the exercise id (its folder name)
 * @param title the exercise title
 * @param score points earned automatically, rounded to 2 decimals; pending manual items are not in it
 * @param maxScore test points plus manual points
 * @param pendingManualPoints points of the manual items, not yet graded
 * @param status how it was graded
 * @param reason why it is {@code zeroed} or {@code not_run}, for the student; empty when graded
 * @param tests every hidden test of the exercise, in manifest order
 * @param findings what the front stages found, in pipeline order
 * @param manual the items a person grades
 * @param visibility when the student may see the exercise's own lines (compilation, code checks, manual items, its
 *     row in an overview) and, unless a test says otherwise, its tests; from the manifest
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ExerciseReport(
        String id,
        String title,
        double score,
        double maxScore,
        double pendingManualPoints,
        ExerciseStatus status,
        String reason,
        List<TestReport> tests,
        List<Finding> findings,
        List<ManualItemReport> manual,
        Visibility visibility) {

    public ExerciseReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        tests = List.copyOf(tests);
        findings = List.copyOf(findings);
        manual = List.copyOf(manual);
        visibility = visibility == null ? Visibility.VISIBLE : visibility;
    }

    /** An exercise every student sees. */
    public ExerciseReport(String id, String title, double score, double maxScore, double pendingManualPoints,
                          ExerciseStatus status, String reason, List<TestReport> tests, List<Finding> findings,
                          List<ManualItemReport> manual) {
        this(id, title, score, maxScore, pendingManualPoints, status, reason, tests, findings, manual,
                Visibility.VISIBLE);
    }

    /** The most points the tests could earn: {@code maxScore - pendingManualPoints}. */
    public double automaticMaxScore() {
        return maxScore - pendingManualPoints;
    }
}
