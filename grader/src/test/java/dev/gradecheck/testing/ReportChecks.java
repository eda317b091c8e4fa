package dev.gradecheck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Assertions every end-to-end grading must pass: valid reports, no process left behind. */
public final class ReportChecks {

    private ReportChecks() {
    }

    /** report.json is valid against its schema, results.json against Gradescope's spec. */
    public static void assertValidReports(GradeReport report) {
        assertEquals(List.of(), ReportSchema.errors(new JsonReportWriter().render(report)), "report.json schema errors");
        assertEquals(List.of(), GradescopeSpec.violations(JsonParser.parseString(
                new GradescopeResultsWriter().render(report)).getAsJsonObject()), "results.json spec violations");
    }

    /**
     * A rendered report (report.json or results.json) without what differs between two gradings of the same
     * submission: durations, execution time and the start time.
     */
    public static String withoutTimes(String json) {
        return json.replaceAll("\"(duration_ms|execution_time)\": [0-9.]+", "\"$1\": 0")
                .replaceAll("\"started_at\": \"[^\"]*\"", "\"started_at\": \"\"");
    }

    /** No child process of this JVM is alive (waits up to 5 s for dying ones). */
    public static void assertNoProcessLeftBehind() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (leftBehind().findAny().isPresent() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertEquals(List.of(), leftBehind()
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList(),
                "processes left behind");
    }

    /**
     * Live processes this test JVM started: its descendants, and processes of the child users' id range started
     * since this JVM started that were orphaned (re-parented to init) and so are no descendants any more. A child
     * user's process with a JVM other than this one among its ancestors belongs to another grader (another test run
     * on the same machine, another Failsafe fork) and does not count. Zombies, dead and waiting for init to reap them,
     * do not count.
     */
    private static Stream<ProcessHandle> leftBehind() {
        Instant since = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
        Stream<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> childUser(process)
                        && process.info().startInstant().map(start -> !start.isBefore(since)).orElse(false)
                        && !underAnotherJvm(process));
        return Stream.concat(ProcessHandle.current().descendants(), orphans).distinct()
                .filter(ProcessHandle::isAlive).filter(process -> !zombie(process.pid()));
    }

    /**
     * Whether the nearest {@code java} process above {@code process} (a child JVM's grader; bubblewrap and setpriv
     * in between) is a JVM other than this one. An orphan has none: its ancestors end at init.
     */
    private static boolean underAnotherJvm(ProcessHandle process) {
        long self = ProcessHandle.current().pid();
        for (ProcessHandle above = process.parent().orElse(null); above != null; above = above.parent().orElse(null)) {
            if (above.pid() == self) {
                return false;
            }
            if (above.pid() <= 1) {
                return false;
            }
            if (above.info().command().map(command -> command.endsWith("/java")).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the process runs as one of the child users' ids (such ids have no name, so they are read from /proc). */
    private static boolean childUser(ProcessHandle process) {
        try {
            Object uid = Files.getAttribute(Path.of("/proc", Long.toString(process.pid())), "unix:uid");
            return uid instanceof Integer id && id >= 1_900_000_000 && id < 1_900_000_512;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
