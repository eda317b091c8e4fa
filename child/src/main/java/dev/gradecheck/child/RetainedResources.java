package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What one exercise's tests left behind in this JVM when the next exercise's tests are about to start: heap still in
 * use, direct buffers still allocated, threads still running. Anything over its {@link Limits limit} would be paid
 * for by the next exercise (its tests run out of memory, or of threads), so the runner reports it and stops, and the
 * parent runs the rest in a fresh JVM.
 *
 * <p>Cheap when nothing is wrong: a full garbage collection happens only when heap in use or direct memory is over
 * its limit even before one (what survives a collection is never more than what was in use before it). Threads are
 * counted among all live threads except those alive when the job started (the runner's and the JDK's), the common
 * fork-join pool's workers and JUnit's timeout threads, as in {@link TestThreads}.
 *
 * <p>Used by the runner's main thread only.
 */
final class RetainedResources {

    /**
     * What an exercise may leave behind.
     *
     * @param heapBytes heap in use after a full garbage collection
     * @param directBytes direct-buffer memory allocated after a full garbage collection
     * @param threads threads started since the job began and still alive
     */
    record Limits(long heapBytes, long directBytes, int threads) {
    }

    /**
     * One resource over its limit.
     *
     * @param resource {@link Wire#HEAP}, {@link Wire#DIRECT_MEMORY} or {@link Wire#THREADS}
     * @param limit the limit as the parent gave it: megabytes, or threads
     */
    record Excess(String resource, long limit) {
    }

    /** How long freed direct buffers may take to be released after a collection, at most. */
    private static final long RELEASE_WAIT_MILLIS = 500;
    /** How long threads over the limit get to end, at most. */
    private static final long THREAD_SETTLE_MILLIS = 200;
    private static final long POLL_MILLIS = 10;
    private static final long MEGABYTE = 1024 * 1024;

    private final Limits limits;
    private final Set<Thread> before;

    private RetainedResources(Limits limits, Set<Thread> before) {
        this.limits = limits;
        this.before = before;
    }

    /**
     * Loads and starts what the checks use (the platform's buffer-pool bean, about 0.1 s the first time), while the
     * child still waits for its job rather than on the job's clock.
     */
    static void prepare() {
        directMemoryUsed();
    }

    /** Starts watching now: the threads alive now are the runner's, never counted. */
    static RetainedResources startingNow(Limits limits) {
        Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
        alive.addAll(allThreads());
        directMemoryUsed();
        return new RetainedResources(limits, Collections.unmodifiableSet(alive));
    }

    /** What is over its limit now, after the tests of one exercise have all ended; empty when nothing is. */
    List<Excess> overLimits() {
        if (heapUsed() > limits.heapBytes() || directMemoryUsed() > limits.directBytes()) {
            System.gc();
        }
        List<Excess> excess = new ArrayList<>();
        if (heapUsed() > limits.heapBytes()) {
            excess.add(new Excess(Wire.HEAP, limits.heapBytes() / MEGABYTE));
        }
        if (directMemoryAfterRelease() > limits.directBytes()) {
            excess.add(new Excess(Wire.DIRECT_MEMORY, limits.directBytes() / MEGABYTE));
        }
        if (threadsAfterSettling() > limits.threads()) {
            excess.add(new Excess(Wire.THREADS, limits.threads()));
        }
        return excess;
    }

    private static long heapUsed() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Direct buffers found unreachable by a collection are freed just after it, by the reference handler. */
    private long directMemoryAfterRelease() {
        long deadline = System.nanoTime() + RELEASE_WAIT_MILLIS * 1_000_000;
        long used = directMemoryUsed();
        while (used > limits.directBytes() && System.nanoTime() - deadline < 0 && pause()) {
            used = directMemoryUsed();
        }
        return used;
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName()))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    private int threadsAfterSettling() {
        long deadline = System.nanoTime() + THREAD_SETTLE_MILLIS * 1_000_000;
        int threads = newThreads();
        while (threads > limits.threads() && System.nanoTime() - deadline < 0 && pause()) {
            threads = newThreads();
        }
        return threads;
    }

    private int newThreads() {
        int count = 0;
        for (Thread thread : allThreads()) {
            if (thread.isAlive() && !before.contains(thread) && !exempt(thread)) {
                count++;
            }
        }
        return count;
    }

    private static boolean exempt(Thread thread) {
        return TestThreads.exempt(thread);
    }

    /** Every live thread of every thread group (threads are in the system group or below it). */
    private static List<Thread> allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return TestThreads.threadsOf(root);
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
