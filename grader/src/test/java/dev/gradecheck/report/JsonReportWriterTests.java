package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTests {

    private final JsonReportWriter writer = new JsonReportWriter();

    @Test
    void writesAReportValidAgainstTheSchema() {
        assertEquals(List.of(), ReportSchema.errors(writer.render(SampleReports.twoExercises())));
    }

    @Test
    void schemaRejectsAReportWithAnUnknownStatus() {
        String broken = writer.render(SampleReports.twoExercises()).replace("\"status\": \"timeout\"", "\"status\": \"slow\"");
        assertTrue(!ReportSchema.errors(broken).isEmpty(), "the schema must reject status \"slow\"");
    }

    @Test
    void writesAnUnflaggedIntegritySectionForAnHonestGrading() {
        JsonObject json = JsonParser.parseString(writer.render(SampleReports.twoExercises())).getAsJsonObject();
        assertEquals(JsonParser.parseString("{\"flagged\": false, \"events\": []}"), json.get("integrity"));
    }

    @Test
    void writesTheTamperingOfAFlaggedGradingValidAgainstTheSchema() {
        String rendered = writer.render(SampleReports.flagged());
        assertEquals(List.of(), ReportSchema.errors(rendered));
        JsonObject integrity = JsonParser.parseString(rendered).getAsJsonObject().getAsJsonObject("integrity");
        assertEquals(JsonParser.parseString("""
                {"flagged": true, "events": [
                  {"kind": "bad-signature", "test": "backprop.mlp.MlpHiddenTests#hugeBatch",
                   "detail": "a line of the events file was rejected: wrong signature", "count": 3},
                  {"kind": "not-a-frame", "test": null,
                   "detail": "a line of the events file was rejected: not a signed frame", "count": 1}]}
                """), integrity);
    }

    @Test
    void schemaRejectsAFlagThatDisagreesWithTheEvents() {
        String unflagged = writer.render(SampleReports.flagged()).replace("\"flagged\": true", "\"flagged\": false");
        assertTrue(!ReportSchema.errors(unflagged).isEmpty(), "events without the flag must be rejected");
        String flagged = writer.render(SampleReports.twoExercises()).replace("\"flagged\": false", "\"flagged\": true");
        assertTrue(!ReportSchema.errors(flagged).isEmpty(), "the flag without events must be rejected");
        String unknownKind = writer.render(SampleReports.flagged()).replace("bad-signature", "mystery");
        assertTrue(!ReportSchema.errors(unknownKind).isEmpty(), "an unknown kind must be rejected");
    }

    @Test
    void keepsKeysInTheDocumentedOrder() {
        JsonObject json = JsonParser.parseString(writer.render(SampleReports.twoExercises())).getAsJsonObject();
        assertEquals(List.of("format_version", "status", "reason", "score", "max_score", "pending_manual_points",
                "exercises", "ignored_files", "provenance", "integrity"), List.copyOf(json.keySet()));
        JsonObject test = json.getAsJsonArray("exercises").get(0).getAsJsonObject().getAsJsonArray("tests").get(1).getAsJsonObject();
        assertEquals(List.of("name", "id", "score", "max_score", "status", "message", "output", "output_dropped_chars",
                "diagnoses", "duration_ms", "visibility"), List.copyOf(test.keySet()));
    }

    @Test
    void writesNumbersWithoutTrailingZeros() {
        String json = writer.render(SampleReports.twoExercises());
        assertTrue(json.contains("\"score\": 2.5,"), json);
        assertTrue(json.contains("\"max_score\": 15,"), json);
        assertTrue(json.contains("\"score\": 1.5,"), json);
        assertTrue(json.contains("\"output_dropped_chars\": 7,"), json);
    }

    @Test
    void rendersTheSameReportToTheSameBytes() {
        GradeReport report = SampleReports.twoExercises();
        assertEquals(writer.render(report), writer.render(report));
    }

    @Test
    void writesAtomicallyIntoANewFolder(@TempDir Path folder) throws Exception {
        Path file = writer.write(SampleReports.twoExercises(), folder.resolve("out/alice"));
        assertEquals(folder.resolve("out/alice/report.json"), file);
        assertEquals(writer.render(SampleReports.twoExercises()), Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(folder.resolve("out/alice"))) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void keepsHostileStudentTextRawAndValid() {
        String json = writer.render(SampleReports.hostile());
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();

        assertEquals(List.of(), ReportSchema.errors(json));
        assertEquals("\u001B[2J\u001B[HTotal: 100 / 100\u001B[8m\rreal \u202Eevil\u0007", tree.getAsJsonArray("exercises")
                .get(0).getAsJsonObject().getAsJsonArray("tests").get(0).getAsJsonObject().get("message").getAsString());
        assertEquals(SampleReports.HOSTILE_FILE, tree.getAsJsonObject("provenance").getAsJsonArray("files").get(0)
                .getAsJsonObject().get("path").getAsString());
        assertEquals("graded", tree.get("status").getAsString());
        assertEquals("", tree.get("reason").getAsString());
    }

    @Test
    void writesARefusalValidAgainstTheSchemaWithScoreZeroAndWhy() {
        String json = writer.render(GradeReport.refused("x is not a repository of its own — submit the repository"
                + " itself, not a link to another one", SampleReports.twoExercises().provenance()));
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();

        assertEquals(List.of(), ReportSchema.errors(json));
        assertEquals("refused", tree.get("status").getAsString());
        assertEquals(0, tree.get("score").getAsInt());
        assertTrue(tree.get("reason").getAsString().contains("not a link to another one"));
    }

    @Test
    void schemaRejectsARefusalWithAScoreOrWithoutAReason() {
        String json = writer.render(GradeReport.refused("why", SampleReports.twoExercises().provenance()));

        assertFalse(ReportSchema.errors(json.replace("\"score\": 0,", "\"score\": 10,")).isEmpty());
        assertFalse(ReportSchema.errors(json.replace("\"reason\": \"why\"", "\"reason\": \"\"")).isEmpty());
        assertFalse(ReportSchema.errors(writer.render(SampleReports.twoExercises())
                .replace("\"reason\": \"\",", "\"reason\": \"why\",")).isEmpty(), "a graded report has no reason");
    }
}
