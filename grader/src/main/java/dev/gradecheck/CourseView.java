package dev.gradecheck;

import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.course.Mutant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link Grader}'s callers may know of its course: where its parts are, and its exercises in course order with
 * their titles, points and known-bug variants. Read-only; the course model itself stays behind the facade.
 *
 * @param layout where the course keeps its parts (solutions, template, examples), below its root
 * @param exercises every exercise, in course order
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CourseView(CourseLayout layout, List<ExerciseView> exercises) {

    public CourseView {
        Objects.requireNonNull(layout, "layout");
        exercises = List.copyOf(exercises);
    }

    /**
     * One exercise.
     *
     * @param id the exercise id, equal to its folder name
     * @param title what the exercise is about
     * @param testPoints the sum of its hidden tests' points
     * @param maxScore its test points plus its manual items' points
     * @param knownBugs its known-bug variants, in manifest order
     */
    public record ExerciseView(String id, String title, double testPoints, double maxScore, List<Mutant> knownBugs) {

        public ExerciseView {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            knownBugs = List.copyOf(knownBugs);
        }
    }

    /** The exercise with this id, if any. */
    public Optional<ExerciseView> exercise(String id) {
        return exercises.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }

    /** The exercise ids, in course order. */
    public List<String> ids() {
        return exercises.stream().map(ExerciseView::id).toList();
    }

    /** The course's maximum score: every exercise's test and manual points. */
    public double totalPoints() {
        return exercises.stream().mapToDouble(ExerciseView::maxScore).sum();
    }
}
