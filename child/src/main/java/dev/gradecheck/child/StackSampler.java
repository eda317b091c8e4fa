package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Looks at where the running test's own code is, so a test the parent stops for overrunning its limit can be told
 * where it was ({@link Wire#STACK_SAMPLE}). A daemon thread samples the stack of the thread running the test every
 * {@value #TICK_MILLIS} ms, but only when there is a reason to: from {@value #LEAD_MILLIS} ms before the test's limit
 * (a sample at most every {@value #EVERY_MILLIS} ms until the parent stops it), and, in an exercise where a method
 * already ran past a limit, all along, to say when one of those methods has stayed on the stack for the job's
 * patience (once per test). A sample holds the course's frames only (see {@link FailureEncoder#isOwn}), innermost
 * first, at most {@value #MAX_FRAMES}.
 *
 * <p>The samples are information: the parent keeps its own clock, decides alone when a test is stopped, and never
 * lets a sample stop a test of an exercise in which it did not itself see a test overrun its limit. A sample is sent
 * only while its test runs: {@link #finished()} takes the same lock as sending.
 *
 * <p>Thread-safe.
 */
final class StackSampler {

    static final long TICK_MILLIS = 50;
    static final long LEAD_MILLIS = 600;
    static final long EVERY_MILLIS = 200;
    static final int MAX_FRAMES = 8;
    private static final long MILLI = 1_000_000;

    private final EventChannel channel;
    private final FailureEncoder frames;
    private final ChildJob job;
    private final Object lock = new Object();
    private Sampled current;

    private StackSampler(EventChannel channel, FailureEncoder frames, ChildJob job) {
        this.channel = channel;
        this.frames = frames;
        this.job = job;
    }

    /** A sampler for the job's tests; {@link #start()} starts its thread. */
    static StackSampler of(EventChannel channel, FailureEncoder frames, ChildJob job) {
        return new StackSampler(channel, frames, job);
    }

    /** A sampler that never samples (a rehearsal has no limits and reports nothing). */
    static StackSampler none() {
        return new StackSampler(null, null, null);
    }

    /** Starts the sampling thread. */
    void start() {
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                tick();
            }
        }, "gradecheck-stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The requested test {@code test} has started on {@code thread}. */
    void started(String test, Thread thread, long startNanos) {
        if (job == null) {
            return;
        }
        synchronized (lock) {
            current = new Sampled(test, thread, startNanos, job.timeoutMillisOf(test) * MILLI,
                    job.loopsOf(job.exerciseOf(test)));
        }
    }

    /** The running test has ended: nothing more is sent about it. */
    void finished() {
        synchronized (lock) {
            current = null;
        }
    }

    private void tick() {
        synchronized (lock) {
            Sampled test = current;
            if (test == null) {
                return;
            }
            long now = System.nanoTime();
            boolean nearLimit = now - test.startNanos >= test.limitNanos - LEAD_MILLIS * MILLI;
            boolean watching = !test.loops.isEmpty() && !test.loopReported;
            if (!nearLimit && !watching) {
                return;
            }
            List<StackTraceElement> own = ownFrames(test.thread);
            boolean stuck = watching && inLoop(test, own, now);
            if (stuck || nearLimit && (!test.sent || now - test.lastSentNanos >= EVERY_MILLIS * MILLI)) {
                send(test, own, now, stuck);
            }
        }
    }

    /** Whether a method that looped before has now stayed on the stack for the patience (said once per test). */
    private boolean inLoop(Sampled test, List<StackTraceElement> own, long now) {
        boolean inLoop = own.stream().anyMatch(f -> test.loops.contains(f.getClassName() + "#" + f.getMethodName()));
        if (!inLoop) {
            test.inLoop = false;
            return false;
        }
        if (!test.inLoop) {
            test.inLoop = true;
            test.inLoopSinceNanos = now;
        }
        if (now - test.inLoopSinceNanos >= job.loopPatienceMillis() * MILLI) {
            test.loopReported = true;
            return true;
        }
        return false;
    }

    private List<StackTraceElement> ownFrames(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).filter(frames::isOwn).limit(MAX_FRAMES).toList();
    }

    private void send(Sampled test, List<StackTraceElement> own, long now, boolean stuck) {
        test.sent = true;
        test.lastSentNanos = now;
        if (own.isEmpty()) {
            return;
        }
        channel.send(Wire.STACK_SAMPLE, g -> {
            g.write(Wire.TEST, test.test).write(Wire.STUCK, stuck);
            g.writeStartArray(Wire.FRAMES);
            own.forEach(f -> g.writeStartObject()
                    .write(Wire.FRAME_CLASS, f.getClassName())
                    .write(Wire.FRAME_METHOD, f.getMethodName())
                    .write(Wire.FRAME_FILE, f.getFileName() == null ? "" : f.getFileName())
                    .write(Wire.FRAME_LINE, f.getLineNumber())
                    .writeEnd());
            g.writeEnd();
        });
    }

    /** The running test as the sampler sees it; guarded by the sampler's lock. */
    private static final class Sampled {

        final String test;
        final Thread thread;
        final long startNanos;
        final long limitNanos;
        final Set<String> loops;
        boolean sent;
        long lastSentNanos;
        boolean inLoop;
        long inLoopSinceNanos;
        boolean loopReported;

        Sampled(String test, Thread thread, long startNanos, long limitNanos, Set<String> loops) {
            this.test = test;
            this.thread = thread;
            this.startNanos = startNanos;
            this.limitNanos = limitNanos;
            this.loops = loops;
        }
    }
}
