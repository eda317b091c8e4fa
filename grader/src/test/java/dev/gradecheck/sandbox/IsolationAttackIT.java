package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the child JVM's isolation by code that got past the bytecode check (the fixtures under
 * {@code sandbox/isolation} are loaded straight into real child JVMs): forging a passed result through the runner's
 * channel (Unsafe, java.beans, reflection, the token from the child's memory, a heap dump, the attach mechanism),
 * reading the course's files, two gradings at once where one attacks the other, files left in the host's temporary
 * folders, a detached process, a host Unix socket. Each test asserts the outcome the grader must produce: the forgery
 * is not counted, the secret is not read, the neighbour's score is unchanged, nothing is left behind.
 *
 * <p>These hold only with the child's own OS sandbox (bubblewrap: mount, PID, network and IPC namespaces, no
 * {@code /proc}, private {@code /tmp} and {@code /dev/shm}, only the JDK, the class path and the run folder visible,
 * a uid per child when the grader is root) and the runner as a named module in a JVM started with
 * {@code --limit-modules} and without the attach mechanism; they are skipped, with a message, where bubblewrap is not
 * installed.
 */
class IsolationAttackIT {

    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    private static final Duration SLOW = Duration.ofSeconds(25);
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static Path classes;
    private static SandboxRun forging;
    private static Duration forgingTook;
    private static String leftoverName;
    private static String daemonSeconds;

    @BeforeAll
    static void compileTheAttacks() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux") && Files.isExecutable(BWRAP),
                "skipped: these attacks are stopped by the child's bubblewrap sandbox, and " + BWRAP
                        + " is not installed here (Debian/Ubuntu: apt-get install bubblewrap)");
        classes = Fixtures.compile("isolation", temp.resolve("classes"));
        leftoverName = "gradecheck-leftover-" + UUID.randomUUID();
        daemonSeconds = "1000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    @AfterAll
    static void removeWhatTheAttacksLeft() throws IOException {
        if (leftoverName != null) {
            for (String folder : List.of("/tmp", "/dev/shm", "/var/tmp")) {
                Files.deleteIfExists(Path.of(folder, leftoverName));
            }
        }
        if (daemonSeconds != null) {
            Fixtures.leftover(daemonSeconds).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    // ---- forging a passed result -----------------------------------------------------------------------------------

    private static synchronized SandboxRun forging() {
        if (forging == null) {
            List<TestSpec> tests = List.of(
                    spec("ForgeHiddenTests#throughUnsafe"),
                    spec("ForgeHiddenTests#throughJavaBeans"),
                    spec("ForgeHiddenTests#throughReflection"),
                    spec("ForgeHiddenTests#withTheTokenFromItsOwnMemory", SLOW),
                    spec("ForgeHiddenTests#withTheTokenFromAHeapDump", SLOW),
                    spec("ForgeHiddenTests#withTheTokenThroughTheAttachMechanism", SLOW));
            long start = System.nanoTime();
            forging = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), tests, work("forging")));
            forgingTook = Duration.ofNanos(System.nanoTime() - start);
        }
        return forging;
    }

    @Test
    void aPassForgedThroughUnsafeIsNotCounted() {
        assertNotForged("ForgeHiddenTests#throughUnsafe",
                "sun.misc.Unsafe (jdk.unsupported) read the runner's channel from the snapshot thread");
    }

    @Test
    void aPassForgedThroughJavaBeansIsNotCounted() {
        assertNotForged("ForgeHiddenTests#throughJavaBeans",
                "java.beans.Expression/Statement (java.desktop) reached Unsafe and the runner's channel");
    }

    @Test
    void aPassForgedThroughReflectionOnTheRunnerIsNotCounted() {
        assertNotForged("ForgeHiddenTests#throughReflection",
                "setAccessible on the runner's private fields reached its channel (the runner is not encapsulated)");
    }

    @Test
    void aPassForgedWithTheTokenFromTheChildsOwnMemoryIsNotCounted() {
        assertNotForged("ForgeHiddenTests#withTheTokenFromItsOwnMemory",
                "the token was read from /proc/self/mem and the events file found through /proc/self/fd");
    }

    @Test
    void aPassForgedWithTheTokenFromAHeapDumpIsNotCounted() {
        assertNotForged("ForgeHiddenTests#withTheTokenFromAHeapDump",
                "HotSpotDiagnosticMXBean.dumpHeap (jdk.management) gave away the token");
    }

    @Test
    void aPassForgedWithTheTokenThroughTheAttachMechanismIsNotCounted() {
        assertNotForged("ForgeHiddenTests#withTheTokenThroughTheAttachMechanism",
                "jcmd attached to the child (attach mechanism) and dumped its heap with the token");
    }

    @Test
    void forgeryAttemptsEndInBoundedTime() {
        forging();
        assertTrue(forgingTook.compareTo(BOUND) < 0, "the forging job took " + forgingTook);
        assertEquals(6, forging.results().size());
    }

    private static void assertNotForged(String test, String attack) {
        TestResult forged = result(forging(), test);
        // Failed as it really did, or an error when the attempt cost the child its life: anything but a pass.
        assertNotEquals(TestStatus.PASSED, forged.status(), "the grader counted a forged pass: " + attack
                + "; output: " + forged.output().text() + " / isolation: " + forging.isolation());
        assertFalse(forged.message().contains("FORGED"), "the attack reached the channel or the token, though its"
                + " frame was not counted: " + forged.message());
    }

    // ---- reading the course --------------------------------------------------------------------------------------

    @Test
    void childCannotReadOrListTheCourseCheckout() throws IOException {
        String marker = "reference-solution-" + UUID.randomUUID();
        Path checkout = Files.createDirectories(temp.resolve("course-checkout/solutions/src/main/java/backprop"));
        Path solution = Files.writeString(checkout.resolve("ChainRuleSolution.java"),
                "class ChainRuleSolution { String secret = \"" + marker + "\"; }\n");
        worldReadable(temp.resolve("course-checkout"));
        Properties told = new Properties();
        told.setProperty("secret.path", solution.toString());
        told.setProperty("secret.marker", marker);
        SandboxRun run = snoop("course", told, "SnoopHiddenTests#looksForTheCourse");
        TestResult look = result(run, "SnoopHiddenTests#looksForTheCourse");
        assertEquals(TestStatus.PASSED, look.status(), look.message());
        String seen = look.output().text();
        assertFalse(seen.contains("READ ") || seen.contains("FOUND ") || seen.contains(marker),
                "the child read the course's reference solution at " + solution + " (outside its run folder): "
                        + seen + " / isolation: " + run.isolation());
        assertFalse(seen.contains("LISTED "), "the child listed the course's files: " + seen);
    }

    // ---- two gradings at once --------------------------------------------------------------------------------------

    @Test
    void aNeighbourCannotRewriteAnotherGradingsScoreNorReadItsSubmission() throws IOException {
        String victimMarker = "victim-" + UUID.randomUUID();
        String submissionMarker = "neighbour-submission-" + UUID.randomUUID();
        Path victimWork = Fixtures.workDirectory(temp, "work-" + victimMarker);
        Path submission = Files.createDirectories(temp.resolve("victim-submission"));
        Files.writeString(submission.resolve("submission-secret.txt"), submissionMarker);
        Properties told = new Properties();
        told.setProperty("victim.marker", victimMarker);
        told.setProperty("secret.marker", submissionMarker);
        Path attackerTold = toldFolder("neighbour", told);
        Sandbox sandbox = Sandbox.create(Fixtures.settings());

        CompletableFuture<SandboxRun> victim = CompletableFuture.supplyAsync(() -> sandbox.run(new SandboxJob(
                List.of(classes, submission), List.of(spec("VictimHiddenTests#slowlyFails", SLOW)), victimWork)));
        CompletableFuture<SandboxRun> attacker = CompletableFuture.supplyAsync(() -> sandbox.run(new SandboxJob(
                List.of(classes, attackerTold), List.of(spec("NeighbourHiddenTests#attacksTheNeighbour", SLOW)),
                work("attacker"))));

        TestResult attack = result(attacker.join(), "NeighbourHiddenTests#attacksTheNeighbour");
        TestResult victimResult = result(victim.join(), "VictimHiddenTests#slowlyFails");
        String attackerSaw = attack.output().text();
        assertEquals(TestStatus.FAILED, victimResult.status(), "the neighbour rewrote the victim's score: "
                + victimResult.status() + " " + victimResult.output().text() + " / the attacker saw: " + attackerSaw);
        assertTrue(victimResult.message().contains("the victim's own failure"), victimResult.message());
        assertFalse(attackerSaw.contains("FORGED"), "the attacker forged into the neighbour's channel: " + attackerSaw);
        assertFalse(attackerSaw.contains(submissionMarker), "the attacker read the neighbour's submission: "
                + attackerSaw);
    }

    // ---- leftovers, processes, sockets --------------------------------------------------------------------------------

    @Test
    void filesTheChildWritesToTmpAndDevShmAreGoneAfterTheRun() throws IOException {
        Properties told = new Properties();
        told.setProperty("leftover.name", leftoverName);
        SandboxRun run = snoop("leftovers", told, "SnoopHiddenTests#leavesFiles");
        String wrote = result(run, "SnoopHiddenTests#leavesFiles").output().text();
        List<Path> left = new ArrayList<>();
        for (String folder : List.of("/tmp", "/dev/shm", "/var/tmp")) {
            Path file = Path.of(folder, leftoverName);
            if (Files.exists(file)) {
                left.add(file);
            }
        }
        assertEquals(List.of(), left, "files the child wrote survive the run on the host (the child said: "
                + wrote.strip() + ")");
    }

    @Test
    void aDetachedProcessDoesNotOutliveTheRun() throws IOException {
        Properties told = new Properties();
        told.setProperty("daemon.seconds", daemonSeconds);
        SandboxRun run = snoop("daemon", told, "SnoopHiddenTests#startsADaemon");
        TestResult started = result(run, "SnoopHiddenTests#startsADaemon");
        assertEquals(TestStatus.PASSED, started.status(), started.message());
        assertEquals(Optional.empty(), Fixtures.leftover(daemonSeconds).map(ProcessHandle::info),
                "a process the child started in a session of its own outlived the run");
    }

    @Test
    void childCannotReachAUnixSocketOfTheHost() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("host-socket"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path socket = folder.resolve("service.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            // Like the X11 socket or a container engine's socket: anyone who can reach it may connect.
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
            server.configureBlocking(false);
            Properties told = new Properties();
            told.setProperty("socket.path", socket.toString());
            SandboxRun run = snoop("socket", told, "SnoopHiddenTests#connectsToAHostSocket");
            String said = result(run, "SnoopHiddenTests#connectsToAHostSocket").output().text();
            try (SocketChannel caller = server.accept()) {
                assertNull(caller, "the child connected to a Unix socket of the host at " + socket + ": " + said);
            }
            assertFalse(said.contains("CONNECTED"), said);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Runs one SnoopHiddenTests test with {@code told} as {@code /attack.properties} on its class path. */
    private static SandboxRun snoop(String name, Properties told, String test) throws IOException {
        return Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes, toldFolder(name, told)),
                List.of(spec(test, SLOW)), work(name)));
    }

    private static Path toldFolder(String name, Properties told) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("told-" + name));
        try (var out = Files.newOutputStream(folder.resolve("attack.properties"))) {
            told.store(out, "what the test tells the attacker");
        }
        return folder;
    }

    /** Gives the folder the permissions of a checkout anyone may read (as a git clone's are under umask 022). */
    private static void worldReadable(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path work(String name) {
        return Fixtures.workDirectory(temp, "work-" + name);
    }

}
