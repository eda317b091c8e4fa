package dev.gradecheck.course;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An item of an exercise that a person grades.
 *
 * @param id stable id, unique in its exercise
 * @param title what is graded
 * @param points what it is worth, > 0
 */
@API(status = API.Status.INTERNAL)
public record ManualItem(String id, String title, double points) {

    public ManualItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
