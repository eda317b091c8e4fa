package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.SampleReports;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What a student sees of tests and exercises that are not visible: never their names, messages or output. Every
 * hidden string of {@link SampleReports#withHiddenParts()} holds "Secret".
 */
class StudentVisibilityTests {

    private final GradeReport report = SampleReports.withHiddenParts();

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"PRAIRIELEARN", "CLASSROOM", "JUNIT_XML", "FEEDBACK"})
    void formatsThatCannotDelayWhatTheyShowLeakNoHiddenNameMessageOrOutput(ReportFormat format) {
        String rendered = format.writer().render(report);
        assertFalse(rendered.toLowerCase(Locale.ROOT).contains("secret"), rendered);
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"PRAIRIELEARN", "CLASSROOM", "JUNIT_XML"})
    void theyStillCountTheHiddenPointsInOneUnnamedLinePerExercise(ReportFormat format) {
        String rendered = format.writer().render(report);
        assertTrue(rendered.contains("mlp: 2 hidden tests") || rendered.contains("name=\"2 hidden tests\""), rendered);
        assertTrue(rendered.contains("deep: 1 hidden test") || rendered.contains("name=\"1 hidden test\""), rendered);
        assertTrue(rendered.contains("1 of 2 hidden tests did not pass (their names and messages are not shown)"), rendered);
    }

    @Test
    void prairieLearnAndClassroomPointsStillAddUpWithHiddenTests() {
        JsonArray tests = JsonParser.parseString(new PrairieLearnResultsWriter().render(report)).getAsJsonObject()
                .getAsJsonArray("tests");
        Map<String, String> points = tests.asList().stream().map(JsonElement::getAsJsonObject).collect(Collectors.toMap(
                test -> test.get("name").getAsString(),
                test -> test.get("points").getAsString() + "/" + test.get("max_points").getAsString()));
        assertEquals(Map.of("mlp: MlpHiddenTests.forwardShapes", "2/2", "mlp: 2 hidden tests", "1/4",
                "deep: 1 hidden test", "0/4"), points);
    }

    @Test
    void gradescopeCarriesEachVisibilityForGradescopeToApply() {
        JsonObject results = JsonParser.parseString(new GradescopeResultsWriter().render(report)).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        Map<String, String> visibility = results.getAsJsonArray("tests").asList().stream()
                .map(JsonElement::getAsJsonObject).collect(Collectors.toMap(test -> test.get("name").getAsString(),
                        test -> test.has("visibility") ? test.get("visibility").getAsString() : "visible"));
        assertEquals(Map.of(
                "mlp: compilation", "visible",
                "mlp: MlpHiddenTests.forwardShapes", "visible",
                "mlp: MlpHiddenTests.gradientSecretCheck", "hidden",
                "mlp: MlpHiddenTests.laterSecretTest", "after_due_date",
                "deep: compilation", "after_published",
                "deep: code checks", "after_published",
                "deep: DeepHiddenTests.vanishesSecretly", "after_published",
                "deep: Secret written answer (graded by hand, pending)", "after_published"), visibility);
    }

    @Test
    void gradescopesVisibleOutputNamesNoHiddenPartAndNoTotalThatCountsThem() {
        JsonObject results = JsonParser.parseString(new GradescopeResultsWriter().render(report)).getAsJsonObject();
        StringBuilder seen = new StringBuilder(results.get("output").getAsString());
        for (JsonElement test : results.getAsJsonArray("tests")) {
            JsonObject line = test.getAsJsonObject();
            if (!line.has("visibility") || line.get("visibility").getAsString().equals("visible")) {
                seen.append(line).append('\n');
            }
        }
        assertFalse(seen.toString().toLowerCase(Locale.ROOT).contains("secret"), seen.toString());
        String overview = results.get("output").getAsString();
        assertTrue(overview.startsWith("**Visible tests: 2 / 2** (before deductions; the other tests' results are shown"
                + " later, or only to instructors), plus 5 points graded by hand later"), overview);
        assertFalse(overview.contains("| mlp |") || overview.contains("| deep |"), "no row for an exercise with hidden parts");
    }

    @Test
    void aFullyVisibleGradingShowsItsTotalAsBefore() {
        String overview = JsonParser.parseString(new GradescopeResultsWriter().render(SampleReports.twoExercises()))
                .getAsJsonObject().get("output").getAsString();
        assertTrue(overview.startsWith("**Score: 2.5 / 10** (automatic)"), overview);
        assertTrue(overview.contains("| mlp | 2.5 | 6 | graded |"), overview);
    }

    @Test
    void theStudentSummaryForAClassroomLogNamesNoHiddenTest() {
        String summary = TextSummary.renderForStudents(report);
        assertEquals("""
                mlp        3 / 6
                    -3  2 hidden tests: 1 of 2 hidden tests did not pass (their names and messages are not shown)
                deep       0 / 4  (details are shown later)
                Total: 3 / 10
                """, summary);
        assertTrue(TextSummary.render(report).contains("gradientSecretCheck"), "the operator's summary keeps them");
    }

    @Test
    void reportJsonIsTheInstructorsRecordAndKeepsEverything() {
        String rendered = new JsonReportWriter().render(report);
        assertTrue(rendered.contains("Secret message: expected 1 but was 2"));
        assertTrue(rendered.contains("\"visibility\": \"after_published\""));
    }
}
