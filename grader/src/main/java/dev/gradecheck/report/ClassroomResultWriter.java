package dev.gradecheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes the result of a GitHub Classroom grading step as {@code classroom-result.json}: the JSON that the Classroom
 * reporter (github-education-resources/autograding-grading-reporter) decodes from a step's {@code result} output,
 * {@code {"version": 1, "status", "max_score", "tests": [{name, status, score, message, test_code, filename,
 * line_no, duration}]}}. {@link #stepOutputLine} is the same file base64-encoded as a {@code result=...} line for
 * {@code $GITHUB_OUTPUT}.
 *
 * <p>The reporter posts "Points X/Y" with X the sum of {@code tests[].score} and Y {@code max_score}, so the tests are
 * the {@link ScoredUnit}s, whose scores add up to the automatic score, and {@code max_score} is the automatic
 * maximum (pending manual items are not Classroom's: they are not in this file). A unit's status is {@code pass}
 * only at its full points, {@code error} for a test that errored, timed out or could not run, else {@code fail};
 * the runner's status is {@code pass} when every unit passed, {@code error} for a refused grading, else
 * {@code fail} (the reporter then marks the workflow run failed, as Classroom does for failing tests). Tests not
 * {@code visible} are summed into one unnamed line per exercise: the Actions log a student reads shows every name
 * and message. Messages are cut to {@link OutputLimits#PER_TEST_CHARS}. Thread-safe.
 */
@API(status = API.Status.STABLE)
public final class ClassroomResultWriter implements ReportWriter {

    /** The step output's name, which the reporter reads as the {@code <STEP_ID>_RESULTS} environment variable. */
    public static final String OUTPUT_NAME = "result";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    @Override
    public String fileName() {
        return "classroom-result.json";
    }

    @Override
    public String render(GradeReport report) {
        return GSON.toJson(toJson(report)) + "\n";
    }

    /** {@code result=<base64 of render(report)>} and a line feed: a line to append to {@code $GITHUB_OUTPUT}. */
    public String stepOutputLine(GradeReport report) {
        return OUTPUT_NAME + "=" + Base64.getEncoder().encodeToString(render(report).getBytes(StandardCharsets.UTF_8))
                + "\n";
    }

    /**
     * Appends {@link #stepOutputLine} to the file GitHub Actions names in {@code $GITHUB_OUTPUT}.
     *
     * @throws IOException if the file cannot be appended to
     */
    public void appendStepOutput(GradeReport report, Path githubOutput) throws IOException {
        Files.writeString(githubOutput, stepOutputLine(report), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static JsonObject toJson(GradeReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("version", 1);
        JsonArray tests = new JsonArray();
        if (report.notGraded().isPresent()) {
            json.addProperty("status", "error");
            json.addProperty("max_score", 0);
            tests.add(test("gradecheck: not graded", "", "error", 0, OutputLimits.capWithNote(
                    NotGradedText.of(report).orElseThrow(), OutputLimits.PER_TEST_CHARS), 0));
            json.add("tests", tests);
            return json;
        }
        List<ScoredUnit> units = report.exercises().stream()
                .flatMap((ExerciseReport exercise) -> ScoredUnit.of(exercise).stream()).toList();
        boolean allPassed = units.stream().allMatch(unit -> unit.outcome() == ScoredUnit.Outcome.PASSED);
        json.addProperty("status", allPassed ? "pass" : "fail");
        json.add("max_score", new com.google.gson.JsonPrimitive(
                Numbers.json(report.maxScore() - report.pendingManualPoints())));
        for (ScoredUnit unit : units) {
            tests.add(test(unit.name(), unit.test().orElse(""), status(unit.outcome()), unit.score(),
                    OutputLimits.capWithNote(unit.message(), OutputLimits.PER_TEST_CHARS), unit.duration().toMillis()));
        }
        json.add("tests", tests);
        return json;
    }

    private static String status(ScoredUnit.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR -> "error";
        };
    }

    private static JsonObject test(String name, String testCode, String status, double score, String message,
                                   long durationMillis) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("status", status);
        json.addProperty("score", Numbers.json(score));
        json.addProperty("message", message);
        json.addProperty("test_code", testCode);
        json.addProperty("filename", "");
        json.addProperty("line_no", 0);
        json.addProperty("duration", durationMillis);
        return json;
    }
}
