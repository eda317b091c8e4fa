package dev.gradecheck.child;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads of one running test: the thread running it and every thread started while it ran. Threads alive when
 * it started (the runner's, the JDK's, and those an earlier test left behind) are not its own, so what they print is
 * not its output, and a thread of its own still alive when it ends is a lingering thread.
 *
 * <p>Thread-safe once made: the set of threads alive at the start is never changed.
 */
final class TestThreads {

    /** How long, in all, the end of a test waits for its own threads that are about to end. */
    private static final long SETTLE_MILLIS = 100;
    private static final int MAX_NAMES = 3;

    private final Thread testThread;
    private final Set<Thread> before;

    private TestThreads(Thread testThread, Set<Thread> before) {
        this.testThread = testThread;
        this.before = before;
    }

    /** The threads of a test starting now on the current thread. */
    static TestThreads startingNow() {
        Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
        alive.addAll(alive(Thread.currentThread()));
        return new TestThreads(Thread.currentThread(), Collections.unmodifiableSet(alive));
    }

    /** Whether {@code thread} is the test's: the one running it, or one started since it started. */
    boolean owns(Thread thread) {
        return thread == testThread || !before.contains(thread);
    }

    /**
     * The test's own threads still alive as it ends, after waiting up to {@value #SETTLE_MILLIS} ms in all for
     * them to end. Not counted: the common fork-join pool's workers (the JDK keeps them for a while) and JUnit's own
     * timeout threads, which end as soon as their executor lets them.
     */
    List<Thread> lingering() {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        List<Thread> left = new ArrayList<>();
        for (Thread thread : alive(testThread)) {
            if (thread == testThread || before.contains(thread) || exempt(thread)) {
                continue;
            }
            long wait = (deadline - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                try {
                    thread.join(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (thread.isAlive()) {
                left.add(thread);
            }
        }
        return left;
    }

    /** Up to three of the threads' names, made printable, in a stable order. */
    static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().limit(MAX_NAMES).map(TestThreads::printable).toList();
    }

    /** Threads that end when the JDK or JUnit lets them, never counted as anyone's. */
    static boolean exempt(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()
                || thread.getName().startsWith("junit-timeout-thread");
    }

    /** The live threads of the test thread's group and its subgroups (the JDK's own live in the system group). */
    private static List<Thread> alive(Thread testThread) {
        ThreadGroup group = testThread.getThreadGroup();
        return group == null ? List.of() : threadsOf(group);
    }

    /** The live threads of {@code group} and its subgroups. */
    static List<Thread> threadsOf(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count;
        while ((count = group.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        List<Thread> alive = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            alive.add(threads[i]);
        }
        return alive;
    }

    private static String printable(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().limit(60).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return safe.toString();
    }
}
