package dev.gradecheck.sandbox.job;

import dev.gradecheck.api.TestId;
import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The messages of tests that the sandbox had to stop or lost with their JVM: what happened, to which test, and the
 * likely cause in the student's code. Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class StopMessages {

    private StopMessages() {
    }

    static String timedOut(TestId test, Duration limit) {
        return name(test) + " did not finish within " + seconds(limit) + " — an infinite loop? (the process was stopped)";
    }

    static String capReached(TestId test, Duration cap) {
        return name(test) + " was stopped when the time for all tests (" + seconds(cap) + ") ran out";
    }

    public static String notRunCapReached(Duration cap) {
        return "not run: the time for all tests (" + seconds(cap) + ") ran out before this test started";
    }

    static String died(TestId test, Death death) {
        if (death.outOfMemory()) {
            return "the JVM running your code ran out of memory during " + name(test) + " (heap limit "
                    + death.heapMegabytes() + " MB) — a huge array, or a collection that keeps growing?";
        }
        return "the JVM running your code exited during " + name(test) + " (exit code " + death.exitCode()
                + ") — System.exit? an infinite recursion? out of memory?";
    }

    static String diedPreparing(String testClass, Death death) {
        String cause = death.outOfMemory() ? "ran out of memory" : "exited (exit code " + death.exitCode() + ")";
        return "the JVM running your code " + cause + " while preparing " + name(testClass)
                + ", before this test ran — a static initializer calling System.exit?";
    }

    static String diedBefore(TestId test, Death death) {
        String cause = death.outOfMemory() ? "ran out of memory" : "exited (exit code " + death.exitCode() + ")";
        return "the JVM running your code " + cause + " before " + name(test)
                + " started — a static initializer calling System.exit?";
    }

    static String hungPreparing(String testClass, Duration limit) {
        return "the JVM running your code was busy for over " + seconds(limit) + " while preparing "
                + name(testClass) + ", before this test ran — a static initializer that never ends? (the process was"
                + " stopped)";
    }

    static String hungBefore(TestId test, Duration limit) {
        return "the JVM running your code was busy for over " + seconds(limit) + " before " + name(test)
                + " started — a static initializer that never ends? (the process was stopped)";
    }

    /**
     * How a child JVM ended without finishing.
     *
     * @param exitCode its exit code (of the wrapper, when isolation commands wrap it)
     * @param outOfMemory whether its output shows an {@code OutOfMemoryError}
     * @param heapMegabytes its heap limit
     */
    record Death(int exitCode, boolean outOfMemory, int heapMegabytes) {
    }

    /** {@code `MlpHiddenTests.db1IsSummedOverTheBatch`}. */
    static String name(TestId test) {
        return "`" + test.simpleClassName() + "." + test.methodName() + "`";
    }

    private static String name(String testClass) {
        return "`" + testClass.substring(testClass.lastIndexOf('.') + 1) + "`";
    }

    /** {@code 5 s}, {@code 1.5 s}, {@code 0.25 s}. */
    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%d s", (long) seconds)
                : String.format(Locale.ROOT, "%s s", stripZeros(String.format(Locale.ROOT, "%.3f", seconds)));
    }

    private static String stripZeros(String decimal) {
        return decimal.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
