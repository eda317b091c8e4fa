package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.ClassroomSpec;
import dev.gradecheck.testing.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomResultWriterTests {

    private final ClassroomResultWriter writer = new ClassroomResultWriter();

    @Test
    void followsTheReportersFormatFieldByField() {
        for (GradeReport report : List.of(SampleReports.twoExercises(), SampleReports.hostile(), SampleReports.flagged(),
                SampleReports.withHiddenParts(), SampleReports.zeroedAndDeducted(), SampleReports.refused())) {
            assertEquals(List.of(), ClassroomSpec.violations(writer.render(report)));
        }
    }

    @Test
    void theReportersPointsAreTheAutomaticScoreOverTheAutomaticMaximum() {
        for (GradeReport report : List.of(SampleReports.twoExercises(), SampleReports.zeroedAndDeducted(),
                SampleReports.withHiddenParts())) {
            JsonObject result = render(report);
            assertEquals(report.score(), points(result), 1e-9, "what notify-classroom.js sums");
            assertEquals(report.maxScore() - report.pendingManualPoints(), result.get("max_score").getAsDouble());
        }
    }

    @Test
    void writesOneTestPerScoredUnitWithAStatusThatAgreesWithItsScore() {
        JsonObject result = render(SampleReports.twoExercises());
        assertEquals(1, result.get("version").getAsInt());
        assertEquals("fail", result.get("status").getAsString());
        JsonArray tests = result.getAsJsonArray("tests");
        assertEquals(List.of("mlp: MlpHiddenTests.forwardShapes pass 2", "mlp: MlpHiddenTests.backwardGradients fail 1.5",
                "mlp: MlpHiddenTests.hugeBatch error 0", "mlp: code checks fail -1", "deep: DeepHiddenTests.vanishes error 0"),
                tests.asList().stream().map(ClassroomResultWriterTests::line).toList());
        JsonObject partial = tests.get(1).getAsJsonObject();
        assertEquals("db1 is wrong: relative error 0.8", partial.get("message").getAsString());
        assertEquals("backprop.mlp.MlpHiddenTests#backwardGradients", partial.get("test_code").getAsString());
        assertEquals(30, partial.get("duration").getAsInt(), "milliseconds");
    }

    @Test
    void aPendingManualItemIsNoTestAndNotInTheMaximum() {
        JsonObject result = render(SampleReports.twoExercises());
        assertFalse(result.toString().contains("Written answer"));
        assertEquals(10, result.get("max_score").getAsDouble(), "15 points, 5 of them graded by hand later");
    }

    @Test
    void passesOnlyWhenEveryUnitPassed() {
        JsonObject zeroed = render(SampleReports.zeroedAndDeducted());
        assertEquals("fail", zeroed.get("status").getAsString());
        JsonObject a = zeroed.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("fail", a.get("status").getAsString(), "a passed test in a zeroed exercise earns nothing");
        assertEquals(0, a.get("score").getAsDouble());
    }

    @Test
    void aRefusedGradingIsAnErrorSayingWhy() {
        JsonObject result = render(SampleReports.refused());
        assertEquals("error", result.get("status").getAsString());
        JsonObject only = result.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("error", only.get("status").getAsString());
        assertEquals("Not graded: the zip file is corrupt: re-create it and submit again", only.get("message").getAsString());
    }

    @Test
    void theStepOutputIsTheFileInBase64OnOneLine(@TempDir Path folder) throws Exception {
        GradeReport report = SampleReports.twoExercises();
        Path githubOutput = folder.resolve("github_output");
        Files.writeString(githubOutput, "earlier=1\n");

        writer.appendStepOutput(report, githubOutput);

        List<String> lines = Files.readAllLines(githubOutput);
        assertEquals("earlier=1", lines.get(0), "appended, never overwritten");
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("result="));
        String decoded = new String(Base64.getDecoder().decode(lines.get(1).substring("result=".length())),
                StandardCharsets.UTF_8);
        assertEquals(writer.render(report), decoded, "what the reporter decodes from RESULTS");
    }

    private JsonObject render(GradeReport report) {
        return JsonParser.parseString(writer.render(report)).getAsJsonObject();
    }

    private static double points(JsonObject result) {
        return result.getAsJsonArray("tests").asList().stream()
                .mapToDouble(test -> test.getAsJsonObject().get("score").getAsDouble()).sum();
    }

    private static String line(JsonElement test) {
        JsonObject json = test.getAsJsonObject();
        return json.get("name").getAsString() + " " + json.get("status").getAsString() + " "
                + json.get("score").getAsString();
    }
}
