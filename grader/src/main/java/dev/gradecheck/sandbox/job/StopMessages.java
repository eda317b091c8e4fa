package dev.gradecheck.sandbox.job;

import dev.gradecheck.api.TestId;
import dev.gradecheck.sandbox.wire.Loop;
import dev.gradecheck.sandbox.wire.StackSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The messages of tests that the sandbox had to stop or lost with their JVM: what happened, to which test, and the
 * likely cause in the student's code. Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class StopMessages {

    private static final int MAX_WHERE_FRAMES = 3;

    private StopMessages() {
    }

    static String timedOut(TestId test, Duration limit) {
        return name(test) + " did not finish within " + seconds(limit) + " — an infinite loop? (the process was stopped)";
    }

    /**
     * A timeout, saying where the student's code was just before the stop when the child sampled it: the frames of
     * the last sample (innermost first, a few, repeats folded), and the method every sample found it in when that is
     * further out.
     */
    static String timedOut(TestId test, Duration limit, Optional<StackSample> last, Optional<StackSample.Site> stuck) {
        if (last.isEmpty()) {
            return timedOut(test, limit);
        }
        String where = where(last.get());
        String loop = stuck.filter(site -> !site.methodKey().equals(last.get().innermost().methodKey()))
                .map(site -> ", inside " + site.describe() + " all along").orElse("");
        return name(test) + " did not finish within " + seconds(limit) + ": your code was still running in " + where
                + loop + " — a loop that never ends there? (the process was stopped)";
    }

    /** A later test of the exercise found stuck in a method that already overran another test's limit. */
    static String stoppedInLoop(TestId test, Duration ranFor, StackSample sample, Loop loop) {
        return name(test) + " was stopped after " + seconds(ranFor.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                + ": your code was in " + sample.innermost().describe() + ", and " + loop.site().describeMethod()
                + " was still running when " + name(loop.test()) + " ran out of time — fix that loop first; once it"
                + " ends, this test runs in full (the process was stopped)";
    }

    /** {@code `Value.log` (Value.java:142), called from `Value.backward` (Value.java:157)}, at most a few frames. */
    private static String where(StackSample sample) {
        List<String> shown = new ArrayList<>();
        String previous = null;
        for (StackSample.Site site : sample.frames()) {
            String described = site.describe();
            if (!described.equals(previous) && shown.size() < MAX_WHERE_FRAMES) {
                shown.add(described);
            }
            previous = described;
        }
        return String.join(", called from ", shown);
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
