package dev.gradecheck.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One hidden test as the report shows it: its outcome with the points it earned.
 *
 * @param id the test
 * @param score points earned, in [0, maxScore], rounded to 2 decimals
 * @param maxScore the test's points in the manifest
 * @param status {@link TestStatus#PASSED} only when {@code score == maxScore}
 * @param message what went wrong, for the student; empty when passed
 * @param output what the test printed, capped
 * @param diagnoses misconceptions the test found
 * @param duration wall time (the only field besides timestamps that differs between two gradings)
 * @param visibility when the student may see this test (its name, message, output and figures), from the manifest
 * @param figures charts the test drew for the feedback page, in order
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TestReport(
        TestId id,
        double score,
        double maxScore,
        TestStatus status,
        String message,
        CapturedOutput output,
        List<Diagnosis> diagnoses,
        Duration duration,
        Visibility visibility,
        List<Figure> figures) {

    public TestReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        message = message == null ? "" : message;
        diagnoses = List.copyOf(diagnoses == null ? List.of() : diagnoses);
        duration = duration == null ? Duration.ZERO : duration;
        visibility = visibility == null ? Visibility.VISIBLE : visibility;
        figures = List.copyOf(figures == null ? List.of() : figures);
        if (!(score >= 0 && score <= maxScore)) {
            throw new IllegalArgumentException("score must be in [0, " + maxScore + "], was " + score);
        }
    }

    /** A test without figures. */
    public TestReport(TestId id, double score, double maxScore, TestStatus status, String message,
                      CapturedOutput output, List<Diagnosis> diagnoses, Duration duration, Visibility visibility) {
        this(id, score, maxScore, status, message, output, diagnoses, duration, visibility, List.of());
    }

    /** A test every student sees. */
    public TestReport(TestId id, double score, double maxScore, TestStatus status, String message,
                      CapturedOutput output, List<Diagnosis> diagnoses, Duration duration) {
        this(id, score, maxScore, status, message, output, diagnoses, duration, Visibility.VISIBLE);
    }

    /** {@code TestClass.method}: the name students read. */
    public String displayName() {
        return id.simpleClassName() + "." + id.methodName();
    }

    /** Points not earned. */
    public double lostPoints() {
        return maxScore - score;
    }
}
