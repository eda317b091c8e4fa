package dev.gradecheck.api;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An item a person grades (e.g. a written answer); the report shows it as pending with its points.
 *
 * @param id stable id from the manifest, never blank
 * @param title what is graded
 * @param points what it is worth, > 0
 * @param answer the written answer the submission holds for it, when the manifest names where it is
 *     ({@code ANSWERS.md}); the student's own text, which the student may see
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ManualItemReport(String id, String title, double points, Optional<WrittenAnswer> answer) {

    public ManualItemReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(answer, "answer");
        if (!(points > 0)) {
            throw new IllegalArgumentException("manual points must be > 0, was " + points);
        }
    }

    /** An item without a written answer to carry. */
    public ManualItemReport(String id, String title, double points) {
        this(id, title, points, Optional.empty());
    }

    /** Always {@code pending}: the grader never grades these. */
    public String status() {
        return "pending";
    }
}
