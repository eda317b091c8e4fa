package dev.gradecheck.course;

import dev.gradecheck.api.TestId;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One hidden test method of an exercise, with its points and time limit.
 *
 * @param id the test method
 * @param points what it is worth, > 0
 * @param timeout its time limit (the test's own or the exercise default)
 */
@API(status = API.Status.INTERNAL)
public record HiddenTest(TestId id, double points, Duration timeout) {

    public HiddenTest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
    }
}
