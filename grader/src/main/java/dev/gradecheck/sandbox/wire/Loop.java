package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.TestId;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A method of the student's code that was still running when a test of {@code exercise} overran its limit, as the
 * parent measured it: later jobs of the same run tell their children to watch for it (see {@link JobMessage}), and a
 * later test of the same exercise found in it is stopped early.
 *
 * @param exercise the exercise of the test that overran its limit
 * @param site where that test's code was: the method, with the line of the last sample
 * @param test the test that overran its limit
 */
@API(status = API.Status.INTERNAL)
public record Loop(String exercise, StackSample.Site site, TestId test) {

    public Loop {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(test, "test");
    }
}
