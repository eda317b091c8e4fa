package dev.gradecheck.child;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A requested test method while it runs: its captured output and, for a method with several invocations (a
 * parameterized test, a test factory), the tally of its parts and the first one that did not succeed.
 *
 * <p>Not thread-safe; owned by the {@link GradingListener}.
 */
final class RunningTest {

    private final String test;
    private final OutputCapture output;
    private final long startNanos;
    private final TestThreads threads;
    private int parts;
    private int failedParts;
    private TestExecutionResult firstFailure;
    private String firstFailureName;

    RunningTest(String test, OutputCapture output, long startNanos, TestThreads threads) {
        this.test = test;
        this.output = output;
        this.startNanos = startNanos;
        this.threads = threads;
    }

    /** The test's own threads: what they print is its output. */
    TestThreads threads() {
        return threads;
    }

    String test() {
        return test;
    }

    OutputCapture output() {
        return output;
    }

    long startNanos() {
        return startNanos;
    }

    /** Records one finished part (an invocation, a dynamic test or container) below the method. */
    void recordPart(TestIdentifier part, TestExecutionResult result) {
        if (part.isTest()) {
            parts++;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            failedParts += part.isTest() ? 1 : 0;
            if (firstFailure == null) {
                firstFailure = result;
                firstFailureName = part.getDisplayName();
            }
        }
    }

    /** The method's outcome: its own result if that did not succeed, else the first part that did not. */
    TestExecutionResult outcome(TestExecutionResult ownResult) {
        if (ownResult.getStatus() != TestExecutionResult.Status.SUCCESSFUL || firstFailure == null) {
            return ownResult;
        }
        return firstFailure;
    }

    int parts() {
        return parts;
    }

    int failedParts() {
        return failedParts;
    }

    /** The display name of the first part that did not succeed, when the method's own result succeeded. */
    Optional<String> failedPartName() {
        return Optional.ofNullable(firstFailureName);
    }
}
