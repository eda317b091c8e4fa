package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.PrairieLearnSpec;
import dev.gradecheck.testing.SampleReports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrairieLearnResultsWriterTests {

    private final PrairieLearnResultsWriter writer = new PrairieLearnResultsWriter();

    @Test
    void followsThePrairieLearnShapeFieldByField() {
        for (GradeReport report : List.of(SampleReports.twoExercises(), SampleReports.hostile(), SampleReports.flagged(),
                SampleReports.withHiddenParts(), SampleReports.zeroedAndDeducted(), SampleReports.refused())) {
            assertEquals(List.of(), PrairieLearnSpec.violations(writer.render(report)));
        }
    }

    @Test
    void writesTheScoreAsAFractionOfTheAutomaticMaximum() {
        JsonObject results = render(SampleReports.twoExercises());
        assertTrue(results.get("gradable").getAsBoolean());
        assertEquals(0.25, results.get("score").getAsDouble(), "2.5 of the 10 automatic points");
        assertEquals("Score: 2.5 / 10 (automatic)", results.get("message").getAsString());
        assertFalse(results.has("images"), "the report model holds no figures");
    }

    @Test
    void aCompileErrorInOneExerciseIsGradableItsTestsScoringZero() {
        JsonObject results = render(SampleReports.twoExercises());
        JsonObject vanishes = test(results, "deep: DeepHiddenTests.vanishes");
        assertEquals(0, vanishes.get("points").getAsDouble());
        assertEquals(4, vanishes.get("max_points").getAsDouble());
        assertEquals("it does not compile: Deep.java:3:1: ';' expected", vanishes.get("message").getAsString());
        assertTrue(results.get("output").getAsString().contains("deep: 0 / 4 (not run: it does not compile"),
                results.get("output").getAsString());
    }

    @Test
    void writesPerTestPointsWithDeductionsAsTheirOwnLineSoTheyAddUpToTheScore() {
        JsonObject results = render(SampleReports.twoExercises());
        JsonArray tests = results.getAsJsonArray("tests");
        assertEquals(List.of("mlp: MlpHiddenTests.forwardShapes", "mlp: MlpHiddenTests.backwardGradients",
                "mlp: MlpHiddenTests.hugeBatch", "mlp: code checks", "deep: DeepHiddenTests.vanishes"), names(tests));
        JsonObject checks = test(results, "mlp: code checks");
        assertEquals(-1, checks.get("points").getAsDouble());
        assertEquals(0, checks.get("max_points").getAsDouble());
        assertEquals("-1 src/Mlp.java:41:9: backward calls forward", checks.get("message").getAsString());
        JsonObject partial = test(results, "mlp: MlpHiddenTests.backwardGradients");
        assertEquals(1.5, partial.get("points").getAsDouble());
        assertEquals(3, partial.get("max_points").getAsDouble());
        assertEquals("backprop.mlp.MlpHiddenTests#backwardGradients", partial.get("description").getAsString());
        assertEquals("loss 0.25\n```\n\n[... 7 more characters not shown]", partial.get("output").getAsString());
        assertEquals(2.5, sumOfPoints(tests), 1e-9);
    }

    @Test
    void aZeroedExerciseShowsEveryTestAtZeroPoints() {
        JsonObject results = render(SampleReports.zeroedAndDeducted());
        JsonObject a = test(results, "mlp: MlpHiddenTests.a");
        assertEquals(0, a.get("points").getAsDouble());
        assertEquals("the exercise scores 0: Mlp.java:5:3: uses java.lang.reflect", a.get("message").getAsString());
        assertEquals(2.5, sumOfPoints(results.getAsJsonArray("tests")), 1e-9);
        assertEquals(2.5 / 7, results.get("score").getAsDouble(), 1e-9);
    }

    @Test
    void aPendingManualItemIsNeverPassedOnlySaidToBePending() {
        JsonObject results = render(SampleReports.twoExercises());
        assertFalse(names(results.getAsJsonArray("tests")).stream().anyMatch(name -> name.contains("Written answer")),
                "a pending item earns nothing yet, so it is no test");
        assertTrue(results.get("output").getAsString().contains(
                "pending (graded by hand later, not in this score): Written answer, 5 points"));
    }

    @Test
    void aRefusedGradingIsNotGradableAndSaysWhy() {
        JsonObject results = render(SampleReports.refused());
        assertFalse(results.get("gradable").getAsBoolean());
        assertFalse(results.has("score"));
        assertEquals("Not graded: the zip file is corrupt: re-create it and submit again",
                results.getAsJsonArray("format_errors").get(0).getAsString());
    }

    @Test
    void staysUnderOneMegabyteAndSaysWhatWasCut() {
        String rendered = writer.render(SampleReports.withHugeOutput(300, 20_000));
        assertTrue(rendered.getBytes(StandardCharsets.UTF_8).length < 1_000_000, rendered.length() + " bytes");
        assertEquals(List.of(), PrairieLearnSpec.violations(rendered));
        JsonObject first = JsonParser.parseString(rendered).getAsJsonObject().getAsJsonArray("tests").get(0).getAsJsonObject();
        assertTrue(first.get("message").getAsString().matches("(?s)x*\n\\[\\.\\.\\. \\d+ more characters cut to stay "
                + "within the platform's output limit\\]"), first.get("message").getAsString());
        assertTrue(first.get("output").getAsString().endsWith(" more characters not shown]"));
    }

    @Test
    void capsOneHugeTestAtItsPerTestLimit() {
        JsonObject test = render(SampleReports.withHugeOutput(1, 50_000)).getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("x".repeat(8_000) + "\n[... 42000 more characters cut to stay within the platform's output limit]",
                test.get("message").getAsString());
        assertTrue(test.get("output").getAsString().endsWith("\n[... 42013 more characters not shown]"),
                "the sandbox's 12 dropped characters and the 42001 cut here: character 8000 would have split a"
                        + " surrogate pair, so the cut is one earlier");
    }

    private JsonObject render(GradeReport report) {
        return JsonParser.parseString(writer.render(report)).getAsJsonObject();
    }

    private static JsonObject test(JsonObject results, String name) {
        for (JsonElement test : results.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("name").getAsString().equals(name)) {
                return test.getAsJsonObject();
            }
        }
        throw new AssertionError("no test named " + name + " in " + names(results.getAsJsonArray("tests")));
    }

    private static List<String> names(JsonArray tests) {
        return tests.asList().stream().map(test -> test.getAsJsonObject().get("name").getAsString()).toList();
    }

    private static double sumOfPoints(JsonArray tests) {
        return tests.asList().stream().mapToDouble(test -> test.getAsJsonObject().get("points").getAsDouble()).sum();
    }
}
