package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.Envelopes;
import dev.gradecheck.cluster.hazelcast.ClusterMember;
import dev.gradecheck.cluster.hazelcast.MemberSettings;
import dev.gradecheck.course.Course;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TestJvms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster batch as real processes on 127.0.0.1: a coordinator that grades nothing itself ({@code --jobs 0}) and
 * worker processes grade a class of 32 (folders from the class fixture, one with a link, a zip, a git repository). One
 * run carries every assertion: a worker killed with SIGKILL while it grades, a replacement joining late, the
 * coordinator killed with SIGKILL and started again — and the outputs equal a local batch's of the same class apart from timestamps and
 * durations, every student graded once. Meanwhile a worker of another course version, a worker of another cluster
 * name and a member that forges a result are each refused, and their refusal is seen. Nothing is left behind: no
 * process, no listening port.
 */
class ClusterBatchIT {

    private static final int CLASS_SIZE = 30;

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @Test
    void aClusterOfWorkersKilledAndRestartedGradesAClassAsALocalBatchDoes() throws Exception {
        Path classFolder = classOf(CLASS_SIZE);
        int size = (int) Files.list(classFolder).count();
        Path reference = temp.resolve("reference");
        Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, reference).withJobs(2),
                Progress.lines(new PrintWriter(new StringWriter())));

        Path key = temp.resolve("keys/cluster.key");
        ClusterKey clusterKey = ClusterKey.loadOrCreate(key);
        String name = "gradecheck-" + clusterKey.derivedName("cluster");
        int port = freePort();
        String address = "127.0.0.1:" + port;
        Path out = temp.resolve("out");
        List<String> batch = List.of("batch", classFolder.toString(), "--out", out.toString(), "--cluster",
                "--listen", address, "--key", key.toString(), "--jobs", "0");

        Process coordinator = start("coordinator-1", RepoCourse.root(), batch);
        awaitLog("coordinator-1", "Coordinating batch", coordinator);

        aResultWithABadSignatureIsRefused(name, address, "coordinator-1");
        Process otherCourse = start("other-course", otherCourse(), worker(address, key, "--slots", "1"));
        Process otherName = start("other-name", RepoCourse.root(),
                worker(address, key, "--slots", "1", "--cluster-name", "another-name"));

        Process first = start("worker-1", RepoCourse.root(), worker(address, key, "--slots", "1", "--batches", "2"));
        Process second = start("worker-2", RepoCourse.root(), worker(address, key, "--slots", "1", "--batches", "2"));
        awaitLog("worker-1", "joined batch", first);
        await(() -> journalLines(out) >= 2, Duration.ofMinutes(3), "two gradings recorded");
        List<ProcessHandle> firstChildren = first.descendants().toList();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertNoneOutlives(firstChildren);
        Process third = start("worker-3", RepoCourse.root(), worker(address, key, "--slots", "1", "--batches", "2"));

        assertTrue(otherCourse.waitFor(2, TimeUnit.MINUTES), "the worker of another course was refused");
        assertEquals(2, otherCourse.exitValue(), log("other-course"));
        String mine = Course.load(RepoCourse.root()).suiteHash();
        String theirs = Course.load(temp.resolve("other-course")).suiteHash();
        assertTrue(log("other-course").contains("this worker's course has suite hash " + theirs + " but batch " + name
                + " grades with suite hash " + mine), log("other-course"));
        assertTrue(log("other-name").contains("No member of cluster another-name let this worker in"),
                log("other-name"));
        assertTrue(otherName.isAlive(), "a worker of another name keeps trying, and is never let in");
        otherName.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        int before = journalLines(out);
        await(() -> journalLines(out) >= before + 4 || !coordinator.isAlive(), Duration.ofMinutes(3),
                "more gradings recorded");
        assertTrue(journalLines(out) < size, "the coordinator was killed before the end: " + journalLines(out));
        coordinator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Process again = start("coordinator-2", RepoCourse.root(), batch);
        assertTrue(again.waitFor(5, TimeUnit.MINUTES), "the restarted coordinator ended: " + log("coordinator-2"));
        assertEquals(0, again.exitValue(), log("coordinator-2"));
        assertTrue(log("coordinator-2").contains("up to date"), log("coordinator-2"));

        assertEquals(Outputs.comparable(reference), Outputs.comparable(out));
        List<String> students = Outputs.lines(out.resolve(".batch/journal.jsonl")).stream()
                .map(line -> line.substring(0, line.indexOf("\"content\""))).toList();
        assertEquals(size, students.size(), "one journal line per student: " + students);
        assertEquals(size, students.stream().distinct().count(), "every student graded once");

        for (Process worker : List.of(second, third)) {
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "a worker leaves after its two batches");
            assertEquals(0, worker.exitValue(), log("worker-2") + log("worker-3"));
        }
    }

    /** A member of the right name forges a result (signed with another key): the coordinator refuses and logs it. */
    private void aResultWithABadSignatureIsRefused(String name, String coordinator, String log) throws Exception {
        int port = freePort();
        ClusterMember rogue = ClusterMember.start(MemberSettings.loopback(name, port, List.of(coordinator)));
        try {
            assertTrue(rogue.awaitClusterSize(2, Duration.ofSeconds(20)), "the rogue member joined");
            ClusterKey otherKey = ClusterKey.loadOrCreate(temp.resolve("rogue/cluster.key"));
            byte[] forged = Envelopes.of(otherKey, name, 16 << 20).result(new Envelopes.Result("0123456789abcdef0123",
                    "rogue", Course.load(RepoCourse.root()).suiteHash(), 1, true, "{}".getBytes(StandardCharsets.UTF_8)));
            rogue.instance().<byte[]>getQueue("gradecheck." + name + ".results").offer(forged);
            awaitLog(log, "cluster: refused a result that no worker of this batch signed", null);
        } finally {
            rogue.terminate();
        }
    }

    /**
     * The class: the fixture's folders, one of them zipped, and one as a git repository; one folder holds a link to
     * the reference solutions, which a grading lists among the ignored paths and never follows.
     */
    private Path classOf(int count) throws IOException {
        Map<String, Path> made = ClassFixture.submissions(temp.resolve("made"), count);
        Path classFolder = Files.createDirectories(temp.resolve("class"));
        made.forEach((student, folder) -> ClassFixture.copy(folder, classFolder.resolve(student)));
        Path linking = classFolder.resolve(made.keySet().stream().sorted().findFirst().orElseThrow());
        Files.createSymbolicLink(linking.resolve("reference-solutions"), RepoCourse.root().resolve("solutions"));
        ClassFixture.zip(made.get("partial"), classFolder.resolve("zipped.zip"));
        Path repository = ClassFixture.copy(made.get("typical-mistake"), classFolder.resolve("committed"));
        ClassFixture.commitAll(repository, "first", "2025-01-01T10:00:00Z");
        return classFolder;
    }

    /** The course with one hidden test changed: another suite hash. */
    private Path otherCourse() throws IOException {
        Path root = RepoCourse.root();
        Path copy = temp.resolve("other-course");
        for (String part : List.of("exercises", "student-template", "solutions/src", "toolkit/target/classes")) {
            RepoCourse.copyTree(root.resolve(part), copy.resolve(part), false);
        }
        Files.copy(root.resolve("course.json"), copy.resolve("course.json"));
        Path test;
        try (var files = Files.walk(copy.resolve("exercises"))) {
            test = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/tests/")).sorted()
                    .findFirst().orElseThrow();
        }
        Files.writeString(test, Files.readString(test) + "\n// another version of the course\n");
        return copy;
    }

    private List<String> worker(String address, Path key, String... more) {
        List<String> arguments = new ArrayList<>(List.of("worker", "--join", address, "--key", key.toString(),
                "--listen", "127.0.0.1:" + freePort()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    private Process start(String name, Path course, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(TestJvms.java());
        command.addAll(List.of("dev.gradecheck.cluster.cli.ClusterMain", "--course", course.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        started.add(process);
        return process;
    }

    private String log(String name) {
        try {
            Path file = temp.resolve(name + ".log");
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void awaitLog(String name, String text, Process process) throws InterruptedException {
        await(() -> log(name).contains(text) || process != null && !process.isAlive(), Duration.ofMinutes(2),
                name + " says \"" + text + "\"");
        assertTrue(log(name).contains(text), name + " said: " + log(name));
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), "timed out waiting: " + what);
            Thread.sleep(50);
        }
    }

    private static int journalLines(Path out) {
        Path journal = out.resolve(".batch/journal.jsonl");
        return Files.isRegularFile(journal) ? Outputs.lines(journal).size() : 0;
    }

    private int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ports.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNoneOutlives(List<ProcessHandle> children) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), children.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "a child outlived its worker");
    }

    /** Every process this test started ended, with its children; no port it used still listens. */
    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : started) {
            all.addAll(process.descendants().toList());
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().get(15, TimeUnit.SECONDS);
        }
        List<Integer> listening = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.close();
            } catch (IOException inUse) {
                listening.add(port);
            }
        }
        assertEquals(List.of(), listening, "ports still listening");
        assertEquals("", ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.joining("\n")));
    }
}
