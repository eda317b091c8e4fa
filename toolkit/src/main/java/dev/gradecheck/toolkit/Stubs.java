package dev.gradecheck.toolkit;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/**
 * Recognises a student method that is still the template's stub (it throws {@code UnsupportedOperationException}
 * whose message contains {@code TODO}) and lets a test that merely <em>uses</em> such a method say so, instead of
 * failing on the behaviour it is about. Stateless and thread-safe.
 */
@API(status = API.Status.STABLE)
public final class Stubs {

    /** Code of the diagnosis for a check or test that could not run because a method it needs is a stub. */
    public static final String NOT_IMPLEMENTED = "not-implemented";

    private Stubs() {
    }

    /**
     * The stub's own message when {@code thrown} is a stub's {@code UnsupportedOperationException("TODO: ...")}.
     *
     * @param thrown any throwable, never null
     * @return the stub's message, empty for any other throwable
     */
    public static Optional<String> stubMessage(Throwable thrown) {
        Objects.requireNonNull(thrown, "thrown");
        String message = thrown.getMessage();
        if (thrown instanceof UnsupportedOperationException && message != null && message.contains("TODO")) {
            return Optional.of(message);
        }
        return Optional.empty();
    }

    /**
     * Makes sure an operation the test relies on, but does not test, is implemented. Runs {@code probe} (a minimal
     * use of the operation); when it throws a stub's {@code TODO}, publishes a {@value #NOT_IMPLEMENTED} diagnosis
     * and fails the test with the same sentence: {@code this test needs `sigmoid`, still a stub (TODO: ...):
     * implement it first}. Any other outcome of the probe, an exception included, lets the test go on: the test
     * itself judges the operation's behaviour.
     *
     * @param reporter  the test's reporter, never null
     * @param operation the operation as students know it, e.g. {@code sigmoid} or {@code mul(double)}
     * @param about     what the test checks, e.g. {@code retain-graph semantics}
     * @param probe     a minimal call of the operation, never null
     * @throws AssertionFailedError if the operation is a stub (after publishing the diagnosis)
     */
    public static void require(TestReporter reporter, String operation, String about, Runnable probe) {
        Objects.requireNonNull(reporter, "reporter");
        Optional<String> stub = stubOf(Objects.requireNonNull(probe, "probe"));
        if (stub.isPresent()) {
            String text = "this test needs `" + operation + "`, still a stub (" + stub.get() + "): implement it "
                    + "first. The test checks " + about + ", not `" + operation + "`; it runs once `" + operation
                    + "` works.";
            Verdicts.diagnose(reporter, NOT_IMPLEMENTED, text);
            throw new AssertionFailedError(text);
        }
    }

    private static Optional<String> stubOf(Runnable probe) {
        try {
            probe.run();
            return Optional.empty();
        } catch (RuntimeException thrown) {
            return stubMessage(thrown);
        }
    }
}
