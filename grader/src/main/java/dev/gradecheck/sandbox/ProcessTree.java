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
     */
    void kill(Duration patience) {
        track();
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(ProcessHandle::destroyForcibly));
        process.destroyForcibly();
        long deadline = System.nanoTime() + patience.toNanos();
        awaitExit(process.toHandle(), deadline);
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(p -> awaitExit(p, deadline)));
    }

    /** The process with this pid if it is still the one seen (pids are reused). */
    private Optional<ProcessHandle> sameProcess(long pid) {
        return ProcessHandle.of(pid).filter(p -> p.info().startInstant().equals(seen.get(pid)));
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Gone or still dying: nothing more can be done from here.
        }
    }
}
