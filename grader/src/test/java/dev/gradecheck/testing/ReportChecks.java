package dev.gradecheck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList(),
                "processes left behind");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
