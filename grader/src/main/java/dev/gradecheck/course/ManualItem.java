package dev.gradecheck.course;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An item of an exercise that a person grades.
 *
 * @param id stable id, unique in its exercise
 * @param title what is graded
 * @param points what it is worth, > 0
 * @param answer where the submission holds the written answer a person grades, if the manifest names it
 */
@API(status = API.Status.INTERNAL)
public record ManualItem(String id, String title, double points, Optional<AnswerSection> answer) {

    public ManualItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(answer, "answer");
    }

    /** An item whose answer the grader does not read (a presentation, a code review). */
    public ManualItem(String id, String title, double points) {
        this(id, title, points, Optional.empty());
    }
}
