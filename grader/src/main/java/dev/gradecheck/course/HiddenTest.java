package dev.gradecheck.course;

import dev.gradecheck.api.TestId;
import dev.gradecheck.api.Visibility;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One hidden test method of an exercise, with its points and time limit.
 *
 * @param id the test method
 * @param points what it is worth, > 0
 * @param timeout its time limit (the test's own or the exercise default)
 * @param visibility when a student may see its result (the test's own or the exercise's)
 */
@API(status = API.Status.INTERNAL)
public record HiddenTest(TestId id, double points, Duration timeout, Visibility visibility) {

    public HiddenTest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** A test every student sees. */
    public HiddenTest(TestId id, double points, Duration timeout) {
        this(id, points, timeout, Visibility.VISIBLE);
    }
}
