package dev.gradecheck.sandbox.isolation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Killing a child's process tree leaves nothing behind, not even a copy that escaped the tree as it was forked. */
class ProcessTreeIT {

    /**
     * The race bubblewrap loses when its outer process is killed as it forks the sandbox: the fork, with the same
     * command line, is re-parented to init before the tree sees it. Here a shell forks such a copy on purpose (a
     * subshell of a subshell that exits at once), which then waits forever, ignoring SIGTERM.
     */
    @Test
    void aCopyOfTheProcessThatEscapedTheTreeIsKilledToo() throws Exception {
        String tag = "gradecheck-escape-" + UUID.randomUUID();
        Process process = new ProcessBuilder("/bin/bash", "-c",
                "( ( trap '' TERM; while :; do sleep 0.05; done ) & ); while :; do sleep 0.05; done", tag).start();
        ProcessHandle escaped = awaitEscaped(process, Duration.ofSeconds(20));
        assertArrayEquals(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                Files.readAllBytes(Path.of("/proc", Long.toString(escaped.pid()), "cmdline")));
        assertTrue(process.descendants().noneMatch(p -> p.pid() == escaped.pid()), "the copy left the tree");
        try {
            new ProcessTree(process).kill(Duration.ofSeconds(5));
            assertFalse(process.isAlive());
            assertTrue(!escaped.isAlive() || ProcessTree.zombie(escaped.pid()), "the copy outside the tree survived");
        } finally {
            escaped.destroyForcibly();
            process.destroyForcibly();
        }
    }

    private static ProcessHandle awaitEscaped(Process process, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] line = null;
        while (System.nanoTime() < deadline) {
            line = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            byte[] wanted = line;
            List<ProcessHandle> copies = ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != process.pid())
                    .filter(p -> p.parent().map(parent -> parent.pid() == 1).orElse(false))
                    .filter(p -> read(p.pid()).map(other -> java.util.Arrays.equals(other, wanted)).orElse(false))
                    .toList();
            if (!copies.isEmpty()) {
                return copies.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the shell's escaped copy never appeared");
    }

    private static Optional<byte[]> read(long pid) {
        try {
            return Optional.of(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
