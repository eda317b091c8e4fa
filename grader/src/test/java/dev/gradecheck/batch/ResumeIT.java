package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TestJvms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/grader batch} as a real process, killed with SIGKILL twice at random points (after 1 or 2 more
 * submissions were recorded each time) and run again: the outputs — every student's report, results and feedback
 * page, the gradebook, class.json, manual.csv — equal an uninterrupted batch's byte for byte apart from timestamps and
 * durations; every student is in the journal once; no child JVM outlives a killed batch; and a rerun after one
 * submission changed grades only that one. A class of {@value #CLASS_SIZE} (solutions, template, the examples,
 * known-bug variants): large enough that both kills come before the end, small enough to grade three times.
 */
class ResumeIT {

    private static final int CLASS_SIZE = 8;

    @TempDir
    Path temp;

    @Test
    void aBatchKilledTwiceThenRunAgainWritesWhatAnUninterruptedBatchWrites() throws Exception {
        Map<String, Path> made = ClassFixture.submissions(temp.resolve("made"), CLASS_SIZE);
        Path classFolder = Files.createDirectories(temp.resolve("class"));
        made.forEach((name, folder) -> ClassFixture.copy(folder, classFolder.resolve(name)));
        Path reference = temp.resolve("reference");
        Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, reference).withJobs(2),
                Progress.lines(new PrintWriter(new StringWriter())));

        Path out = temp.resolve("out");
        Random random = new Random();
        for (int kill = 1; kill <= 2; kill++) {
            int lines = lines(out) + 1 + random.nextInt(2);
            Process batch = start(classFolder, out);
            List<ProcessHandle> children = waitForJournal(batch, out, lines);
            batch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertNoneOutlives(children);
        }
        assertTrue(lines(out) < made.size(), "the kills came before the end: " + lines(out));
        Process last = start(classFolder, out);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last run ended");
        assertEquals(0, last.exitValue(), new String(last.getInputStream().readAllBytes()));

        assertEquals(Outputs.comparable(reference), Outputs.comparable(out));
        assertEquals(made.size(), Outputs.lines(out.resolve(".batch/journal.jsonl")).stream()
                .map(line -> line.substring(0, line.indexOf("\"content\""))).distinct().count(), "every student once");

        Files.writeString(classFolder.resolve("solutions/backprop/chainrule/ChainRule.java"), "class Broken {");
        int before = lines(out);
        BatchResult rerun = Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, out).withJobs(2),
                Progress.lines(new PrintWriter(new StringWriter())));
        assertEquals(1, rerun.graded(), "only the changed submission is graded again");
        assertEquals(before + 1, lines(out));
        assertEquals(0.0, Outputs.scores(out.resolve("solutions/report.json")).get("chain-rule"));
    }

    private static Process start(Path classFolder, Path out) throws Exception {
        List<String> command = new ArrayList<>(TestJvms.java());
        command.addAll(List.of("dev.gradecheck.cli.Main", "--course", RepoCourse.root().toString(), "batch",
                classFolder.toString(), "--out", out.toString(), "--jobs", "2"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    /** Dead, waiting for init to reap it. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    private static int lines(Path out) {
        Path journal = out.resolve(".batch/journal.jsonl");
        return Files.isRegularFile(journal) ? Outputs.lines(journal).size() : 0;
    }

    /** Waits until the journal has {@code lines} lines; returns the batch's descendants then (its child JVMs). */
    private static List<ProcessHandle> waitForJournal(Process batch, Path out, int lines) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (lines(out) < lines && batch.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(batch.isAlive(), "the batch ended before it was killed");
        return batch.descendants().toList();
    }

    private static void assertNoneOutlives(List<ProcessHandle> children) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), children.stream().filter(ProcessHandle::isAlive)
                .filter(p -> !zombie(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "a child outlived its batch");
    }
}
