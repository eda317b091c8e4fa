package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An item a person grades (e.g. a written answer); the report shows it as pending with its points.
 *
 * @param id stable id from the manifest, never blank
 * @param title what is graded
 * @param points what it is worth, > 0
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ManualItemReport(String id, String title, double points) {

    public ManualItemReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!(points > 0)) {
            throw new IllegalArgumentException("manual points must be > 0, was " + points);
        }
    }

    /** Always {@code pending}: the grader never grades these. */
    public String status() {
        return "pending";
    }
}
