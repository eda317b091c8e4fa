package dev.gradecheck.sandbox;

import dev.gradecheck.api.TestId;
import java.time.Duration;
import java.util.Objects;

/**
 * One hidden test method to run and how long it may take.
 *
 * @param id the test method; all invocations of a parameterized method count as one test
 * @param timeout the time limit of the whole method (all its invocations), positive; the sandbox stops the child JVM
 *     when it is exceeded
 */
public record TestSpec(TestId id, Duration timeout) {

    public TestSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + id + " must be positive, was " + timeout);
        }
    }
}
