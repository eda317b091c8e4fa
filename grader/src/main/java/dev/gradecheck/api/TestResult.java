package dev.gradecheck.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The outcome of one hidden test method as the sandbox observed it, before points are applied.
 *
 * @param id the test
 * @param status how it ended
 * @param message the student-facing explanation (assertion message, pruned exception, timeout or crash note); empty if passed
 * @param output what the test printed, capped
 * @param credit the fraction in [0, 1] the test published through {@code gradecheck.credit}, if any
 * @param diagnoses misconceptions the test published through {@code gradecheck.diagnosis}, in order
 * @param duration wall time of the test
 * @param figures charts the test published through {@code gradecheck.figure}, in order, validated and capped
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TestResult(
        TestId id,
        TestStatus status,
        String message,
        CapturedOutput output,
        OptionalDouble credit,
        List<Diagnosis> diagnoses,
        Duration duration,
        List<Figure> figures) {

    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        output = output == null ? CapturedOutput.NONE : output;
        credit = credit == null ? OptionalDouble.empty() : credit;
        if (credit.isPresent() && !(credit.getAsDouble() >= 0 && credit.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("credit must be in [0, 1], was " + credit.getAsDouble());
        }
        diagnoses = List.copyOf(diagnoses == null ? List.of() : diagnoses);
        duration = duration == null ? Duration.ZERO : duration;
        figures = List.copyOf(figures == null ? List.of() : figures);
    }

    /** A result without figures. */
    public TestResult(TestId id, TestStatus status, String message, CapturedOutput output, OptionalDouble credit,
                      List<Diagnosis> diagnoses, Duration duration) {
        this(id, status, message, output, credit, diagnoses, duration, List.of());
    }

    /** A test that never ran, with the reason a student reads. */
    public static TestResult notRun(TestId id, String reason) {
        return new TestResult(id, TestStatus.NOT_RUN, reason, CapturedOutput.NONE, OptionalDouble.empty(), List.of(), Duration.ZERO);
    }
}
