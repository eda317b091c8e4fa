package dev.gradecheck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process and every process seen below it. Descendants are remembered as they are seen, so one that outlives
 * its parent (and is re-parented away from the tree) is still killed. Not thread-safe.
 */
final class ProcessTree {

    private static final long GONE_POLL_MILLIS = 5;
    private static final Duration SELF_EXIT = Duration.ofMillis(500);

    private final Process process;
    private final Map<Long, Optional<Instant>> seen = new LinkedHashMap<>();

    ProcessTree(Process process) {
        this.process = process;
    }

    Process process() {
        return process;
    }

    /** Remembers the current descendants. */
    void track() {
        process.descendants().forEach(p -> seen.putIfAbsent(p.pid(), p.info().startInstant()));
    }

    /**
     * Kills every descendant (current and remembered) and the process, then waits up to {@code patience} for them to
     * be gone.
     *
     * <p>Descendants go first, and the process gets a moment to end by itself: the isolation wrappers wait for their
     * child, so each dead one is reaped at once by its still-living parent. Killing the top first would leave dead
     * descendants to whatever reaps orphans, which measured up to 1.8 s on a machine whose init reaps slowly.
     */
    void kill(Duration patience) {
        track();
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(ProcessHandle::destroyForcibly));
        long deadline = System.nanoTime() + patience.toNanos();
        if (!seen.isEmpty()) {
            awaitExit(process.toHandle(), Math.min(deadline, System.nanoTime() + SELF_EXIT.toNanos()));
        }
        process.destroyForcibly();
        awaitExit(process.toHandle(), deadline);
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(p -> awaitGone(p, deadline)));
    }

    /** The process with this pid if it is still the one seen (pids are reused). */
    private Optional<ProcessHandle> sameProcess(long pid) {
        return ProcessHandle.of(pid).filter(p -> p.info().startInstant().equals(seen.get(pid)));
    }

    private static void awaitExit(ProcessHandle child, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            child.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Gone or still dying: nothing more can be done from here.
        }
    }

    /**
     * Polls a descendant that is not our own child until it is gone (or the deadline passes).
     */
    private static void awaitGone(ProcessHandle descendant, long deadlineNanos) {
        while (descendant.isAlive() && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(GONE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
