package dev.gradecheck.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.sandbox.isolation.ProcessTree;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grader that dies (killed with SIGKILL, so no shutdown hook runs) takes its children's sandboxes with it: student
 * code spinning in a test cannot go on running, holding a user id of the pool, after the grader is gone. (A child
 * that waits for its job ends by itself when its standard input closes; one that spins never reads it again.)
 */
class GraderDeathIT {

    @TempDir
    Path temp;

    /** Run in a JVM of its own by the test: runs a test that spins forever (with a long limit) in a child. */
    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        System.out.println("started");
        System.out.flush();
        Sandbox.create(SandboxSettings.defaults()).run(new SandboxJob(List.of(Path.of(args[1])),
                List.of(Fixtures.spec("HostileHiddenTests#spinsForever", Duration.ofSeconds(50))), work));
    }

    @Test
    void aKilledGraderLeavesNoSandboxBehind() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed here");
        Path work = Fixtures.workDirectory(temp, "work");
        Path classes = Fixtures.compile("hostile", temp.resolve("classes"));
        Process grader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GraderDeathIT.class.getName(), work.toString(),
                classes.toString()).redirectErrorStream(true).start();
        try {
            String said = new String(grader.getInputStream().readNBytes("started".length()));
            assertEquals("started", said, "the grader JVM did not start");
            List<ProcessHandle> sandbox = spinningChild(grader);
            assertTrue(sandbox.size() >= 2, "expected the child's wrapper and its JVM, saw " + sandbox.size());
            grader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            while (sandbox.stream().anyMatch(GraderDeathIT::running) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), sandbox.stream().filter(GraderDeathIT::running)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                    "the sandbox outlived its grader");
        } finally {
            grader.destroyForcibly();
        }
    }

    /** The grader's descendants once its child has spun for a second (its JVM is then well inside the test). */
    private static List<ProcessHandle> spinningChild(Process grader) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (grader.descendants().noneMatch(p -> p.info().totalCpuDuration().map(cpu -> cpu.toMillis() > 1500)
                .orElse(false)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return grader.descendants().toList();
    }

    /** Alive and not a zombie waiting for init. */
    private static boolean running(ProcessHandle process) {
        return process.isAlive() && !ProcessTree.zombie(process.pid());
    }
}
