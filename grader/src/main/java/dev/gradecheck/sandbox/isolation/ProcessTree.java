package dev.gradecheck.sandbox.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A child process and every process seen below it. Descendants are remembered as they are seen, so one that outlives
 * its parent (and is re-parented away from the tree) is still killed. Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ProcessTree {

    private static final long GONE_POLL_MILLIS = 5;
    private static final Duration SELF_EXIT = Duration.ofMillis(500);

    private final Process process;
    private final Map<Long, Optional<Instant>> seen = new LinkedHashMap<>();

    public ProcessTree(Process process) {
        this.process = process;
    }

    public Process process() {
        return process;
    }

    /** Remembers the current descendants. */
    public void track() {
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
    public void kill(Duration patience) {
        Optional<byte[]> command = commandLine(process.pid());
        track();
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(ProcessHandle::destroyForcibly));
        long deadline = System.nanoTime() + patience.toNanos();
        if (!seen.isEmpty()) {
            awaitExit(process.toHandle(), Math.min(deadline, System.nanoTime() + SELF_EXIT.toNanos()));
        }
        process.destroyForcibly();
        awaitExit(process.toHandle(), deadline);
        seen.keySet().forEach(pid -> sameProcess(pid).ifPresent(p -> awaitGone(p, deadline)));
        command.ifPresent(line -> orphansOf(line).forEach(orphan -> {
            orphan.destroyForcibly();
            awaitGone(orphan, deadline);
        }));
    }

    /**
     * Processes re-parented to init whose command line is {@code line} byte for byte: copies the process forked in
     * the instant it was killed, before the tree could see them. Bubblewrap's outer process forks the sandbox's
     * first process with the same command line; forked just as the outer one dies, it never learns of the death
     * ({@code --die-with-parent} is set only after the fork) and waits forever. A live sandbox's first process has
     * its outer bubblewrap as parent, and a command line holds the child's own folders, so nothing else matches.
     */
    private static List<ProcessHandle> orphansOf(byte[] line) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(parent -> parent.pid() == 1).orElse(false))
                .filter(p -> commandLine(p.pid()).map(other -> Arrays.equals(other, line)).orElse(false))
                .toList();
    }

    private static Optional<byte[]> commandLine(long pid) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return line.length == 0 ? Optional.empty() : Optional.of(line);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
     * Polls a descendant that is not our own child until it is gone or dead (or the deadline passes). A dead process
     * whose parent died first waits, as a zombie, for the system's init to reap it, which takes up to a second or two
     * on some machines (bubblewrap's outer process exits without reaping the namespace's first process); a zombie
     * runs no code and holds nothing but its process id, so it counts as gone.
     */
    private static void awaitGone(ProcessHandle descendant, long deadlineNanos) {
        while (descendant.isAlive() && !zombie(descendant.pid()) && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(GONE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether the process is dead and only waits to be reaped (state {@code Z} in {@code /proc/PID/stat}). */
    public static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
