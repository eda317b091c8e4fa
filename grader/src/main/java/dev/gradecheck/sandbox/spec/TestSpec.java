package dev.gradecheck.sandbox.spec;

import dev.gradecheck.api.TestId;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One hidden test method to run, how long it may take, and whose it is.
 *
 * @param id the test method; all invocations of a parameterized method count as one test
 * @param timeout the time limit of the whole method (all its invocations), positive; the sandbox stops the child JVM
 *     when it is exceeded
 * @param exercise the id of the exercise the test belongs to, or empty when the job does not say (then the job's
 *     tests count as one exercise's). A child runs one exercise's tests after the other and checks between two
 *     exercises what the earlier one left behind (see {@link ResourceSquat}).
 */
@API(status = API.Status.INTERNAL)
public record TestSpec(TestId id, Duration timeout, String exercise) {

    public TestSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(exercise, "exercise");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + id + " must be positive, was " + timeout);
        }
    }

    /** A test of a job that does not say which exercise its tests belong to. */
    public TestSpec(TestId id, Duration timeout) {
        this(id, timeout, "");
    }
}
