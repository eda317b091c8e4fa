package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradescopeResultsWriterTests {

    private final JsonObject results = JsonParser.parseString(
            new GradescopeResultsWriter().render(SampleReports.twoExercises())).getAsJsonObject();

    @Test
    void showsTamperingToInstructorsOnlyInAHiddenUnscoredLine() {
        JsonObject flagged = JsonParser.parseString(
                new GradescopeResultsWriter().render(SampleReports.flagged())).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(flagged));
        JsonArray tests = flagged.getAsJsonArray("tests");
        JsonObject line = tests.get(tests.size() - 1).getAsJsonObject();
        assertEquals("gradecheck: integrity", line.get("name").getAsString());
        assertEquals("hidden", line.get("visibility").getAsString());
        assertEquals(0, line.get("score").getAsDouble());
        assertEquals(0, line.get("max_score").getAsDouble());
        assertEquals("**this grading was flagged: its child JVM's event channel was tampered with; the scores count"
                + " authentic events only.**\n\n```text\n"
                + "bad-signature [backprop.mlp.MlpHiddenTests#hugeBatch]: a line of the events file was rejected: wrong"
                + " signature (3 times)\n"
                + "not-a-frame: a line of the events file was rejected: not a signed frame\n```\n",
                line.get("output").getAsString());
        assertEquals(2.5, flagged.get("score").getAsDouble(), "the score is the authentic one");
        JsonObject integrity = flagged.getAsJsonObject("extra_data").getAsJsonObject("integrity");
        assertTrue(integrity.get("flagged").getAsBoolean());
        assertEquals(2, integrity.getAsJsonArray("events").size());
        assertFalse(flagged.get("output").getAsString().contains("flagged"), "the student's overview says nothing");
    }

    @Test
    void addsNoIntegrityLineToAnHonestGrading() {
        assertFalse(names(results.getAsJsonArray("tests")).contains("gradecheck: integrity"));
        assertFalse(results.getAsJsonObject("extra_data").getAsJsonObject("integrity").get("flagged").getAsBoolean());
    }

    @Test
    void followsTheGradescopeSpecFieldByField() {
        assertEquals(List.of(), GradescopeSpec.violations(results));
    }

    @Test
    void writesTopLevelFieldsWithExecutionTimeInSeconds() {
        assertEquals(2.5, results.get("score").getAsDouble());
        assertEquals(4.21, results.get("execution_time").getAsDouble());
        assertEquals("md", results.get("output_format").getAsString());
        assertEquals("md", results.get("test_output_format").getAsString());
        assertTrue(results.get("output").getAsString().startsWith("**Score: 2.5 / 10** (automatic), plus 5 points graded by hand later"));
        assertEquals("0123456789abcdef0123456789abcdef01234567",
                results.getAsJsonObject("extra_data").get("git_commit").getAsString());
    }

    @Test
    void listsLinesPerExerciseInCourseOrder() {
        assertEquals(List.of(
                "mlp: compilation",
                "mlp: code checks",
                "mlp: MlpHiddenTests.forwardShapes",
                "mlp: MlpHiddenTests.backwardGradients",
                "mlp: MlpHiddenTests.hugeBatch",
                "deep: compilation",
                "deep: DeepHiddenTests.vanishes",
                "deep: Written answer (graded by hand, pending)"), names(results.getAsJsonArray("tests")));
    }

    @Test
    void writesStatusOnlyCompilationLines() {
        JsonObject passed = test("mlp: compilation");
        assertEquals(List.of("name", "status", "tags"), List.copyOf(passed.keySet()));
        assertEquals("passed", passed.get("status").getAsString());
        JsonObject failed = test("deep: compilation");
        assertEquals("failed", failed.get("status").getAsString());
        assertFalse(failed.has("score"));
        assertEquals("- `Deep.java:3:1` (compile, exercise scores 0): ';' expected Hint: add the missing semicolon",
                failed.get("output").getAsString());
    }

    @Test
    void writesScoredTestLines() {
        JsonObject partial = test("mlp: MlpHiddenTests.backwardGradients");
        assertEquals("1.2", partial.get("number").getAsString());
        assertEquals(1.5, partial.get("score").getAsDouble());
        assertEquals(3, partial.get("max_score").getAsInt());
        assertEquals("failed", partial.get("status").getAsString());
        assertEquals("md", partial.get("output_format").getAsString());
        assertEquals("[\"mlp\"]", partial.get("tags").toString());
        assertEquals("**Failed**\n\n```text\ndb1 is wrong: relative error 0.8\n```\n\n"
                + "- `missing-batch-sum`: db1 is not summed over the batch (rows = 5)\n\n"
                + "Output (7 more characters dropped):\n\n````text\nloss 0.25\n```\n````\n",
                partial.get("output").getAsString());
        assertEquals("passed", test("mlp: MlpHiddenTests.forwardShapes").get("status").getAsString());
    }

    @Test
    void writesManualItemsAsPendingStatusOnlyLines() {
        JsonObject manual = test("deep: Written answer (graded by hand, pending)");
        assertFalse(manual.has("score"));
        assertEquals("Pending: a person grades this item, worth 5 points.", manual.get("output").getAsString());
    }

    @Test
    void aPendingManualItemIsNeverPassed() {
        assertEquals("failed", test("deep: Written answer (graded by hand, pending)").get("status").getAsString(),
                "Gradescope knows passed and failed only; a status-only line without a status would default to passed");
    }

    @Test
    void capsEachTestsMessageAndOutputAndSaysWhatWasCut() {
        JsonObject huge = JsonParser.parseString(new GradescopeResultsWriter().render(
                dev.gradecheck.testing.SampleReports.withHugeOutput(1, 50_000))).getAsJsonObject();
        String output = lineOf(huge, "mlp: MlpHiddenTests.noisy0").get("output").getAsString();
        assertTrue(output.contains("x".repeat(8_000) + "\n[... 42000 more characters cut to stay within the platform's"
                + " output limit]\n```"), "the message is cut before it is fenced, so the fence stays whole");
        assertTrue(output.contains("Output (42013 more characters dropped):"), output.substring(8_000, 8_300));
        assertTrue(output.length() < 20_000, "two capped parts, escaped and fenced, of 100,000: " + output.length());
    }

    @Test
    void keepsTheWholeFileUnderOneMegabyteByCuttingMoreInSteps() {
        String rendered = new GradescopeResultsWriter().render(
                dev.gradecheck.testing.SampleReports.withHugeOutput(300, 20_000));
        assertTrue(rendered.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1_000_000, rendered.length() + "");
        JsonObject results = JsonParser.parseString(rendered).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(300, results.getAsJsonArray("tests").size() - 1, "every test is still there, beside compilation");
        assertTrue(lineOf(results, "mlp: MlpHiddenTests.noisy299").get("output").getAsString()
                .contains("more characters cut to stay within the platform's output limit]"));
    }

    private JsonObject test(String name) {
        for (JsonElement test : results.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("name").getAsString().equals(name)) {
                return test.getAsJsonObject();
            }
        }
        throw new AssertionError("no test line named " + name);
    }

    private static List<String> names(JsonArray tests) {
        return tests.asList().stream().map(test -> test.getAsJsonObject().get("name").getAsString()).toList();
    }

    // --- Student text is hostile: nothing of it may render as a heading, a link, an image, HTML or a table ---

    private final JsonObject hostile = JsonParser.parseString(
            new GradescopeResultsWriter().render(SampleReports.hostile())).getAsJsonObject();

    @Test
    void writesHostileFileNameAndMessageAsCodeAndEscapedText() {
        assertEquals("- `# Final score: 100 / 100.java:1:1` (compile, exercise scores 0): cannot find symbol `x`"
                + " \\!\\[t\\]\\(https://evil.example/t.png\\) \\<b\\>bold\\</b\\> \\# Final score: 100 / 100"
                + " Hint: \\| a \\| b \\| \\|\\-\\-\\-\\|\\-\\-\\-\\|",
                lineOf(hostile, "mlp: compilation").get("output").getAsString());
    }

    @Test
    void writesHostileTestMessageAndOutputAsCodeBlocksThatCannotBeClosed() {
        assertEquals("**Failed**\n\n```text\n\\e[2J\\e[HTotal: 100 / 100\\e[8m\\rreal \\u202Eevil\\a\n```\n\n"
                + "- `code`: \\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(https://evil.example\\) (n = 1.5 \\| 2)"
                + "\n\nOutput:\n\n````text\n```\n# Final score: 100 / 100\n![x](https://evil.example/t.png)\n````\n",
                lineOf(hostile, "mlp: MlpHiddenTests.backwardGradients").get("output").getAsString());
    }

    @Test
    void writesHostileReasonAsOneEscapedTableCell() {
        String overview = hostile.get("output").getAsString();

        assertTrue(overview.endsWith("| deep | 0 | 0 | not_run: it does not compile: \\# Final score: 100 / 100.java:1:1:"
                + " \\| 100 \\| \\\\e\\[1A |\n"), overview);
        assertEquals(4, overview.lines().filter(line -> line.startsWith("|")).count(), overview);
    }

    @Test
    void leavesNoControlCharacterInAnyOutput() {
        String rendered = new GradescopeResultsWriter().render(SampleReports.hostile());

        assertFalse(rendered.contains("\\u001b") || rendered.contains("\\u0007") || rendered.contains("\u202E"), rendered);
        assertEquals(List.of(), GradescopeSpec.violations(hostile));
    }

    @Test
    void writesARefusalAsScoreZeroWithWhyAndNoTests() {
        JsonObject refused = JsonParser.parseString(new GradescopeResultsWriter().render(dev.gradecheck.api.GradeReport
                .refused("sub is not a repository of its own: its .git is a file (\"gitdir: /x\") — submit the"
                        + " repository itself", SampleReports.twoExercises().provenance()))).getAsJsonObject();

        assertEquals(List.of(), GradescopeSpec.violations(refused));
        assertEquals(0, refused.get("score").getAsInt());
        assertEquals(0, refused.getAsJsonArray("tests").size());
        assertEquals("**Not graded: the grading was refused** (score 0). Why, and what to fix:\n\n```text\nsub is not"
                + " a repository of its own: its .git is a file (\"gitdir: /x\") — submit the repository itself\n```\n",
                refused.get("output").getAsString());
    }

    private static JsonObject lineOf(JsonObject results, String name) {
        for (JsonElement test : results.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("name").getAsString().equals(name)) {
                return test.getAsJsonObject();
            }
        }
        throw new AssertionError("no test line named " + name);
    }
}
