package dev.gradecheck.sandbox.wire;

import dev.gradecheck.sandbox.spec.SandboxSettings;
import org.apiguardian.api.API;

/**
 * What one exercise's tests may leave behind in a child JVM for the next exercise's: a third of the heap, a third of
 * the direct-buffer memory (which the child gets as much of as heap) and 64 running threads. A third of the heap kept
 * past a test's end is far more than any exercise needs, and enough to make the next exercise's tests run out of
 * memory; the limits are known before the run, so the reports say them rather than what was measured (which depends
 * on timing).
 *
 * @param heapMegabytes heap still in use after a full garbage collection
 * @param directMegabytes direct buffers still allocated after a full garbage collection
 * @param threads threads started by the exercise's code and still running
 */
@API(status = API.Status.INTERNAL)
public record SquatLimits(long heapMegabytes, long directMegabytes, int threads) {

    /** Running threads an exercise may leave behind. */
    static final int THREADS = 64;

    public SquatLimits {
        if (heapMegabytes < 1 || directMegabytes < 1 || threads < 1) {
            throw new IllegalArgumentException("limits must be positive: " + heapMegabytes + " MB, "
                    + directMegabytes + " MB, " + threads + " threads");
        }
    }

    /** The limits for children run with these settings. */
    public static SquatLimits of(SandboxSettings settings) {
        return new SquatLimits(settings.heapMegabytes() / 3, directMemoryMegabytes(settings) / 3, THREADS);
    }

    /** The child's {@code -XX:MaxDirectMemorySize}: as much as its heap. */
    public static int directMemoryMegabytes(SandboxSettings settings) {
        return settings.heapMegabytes();
    }
}
