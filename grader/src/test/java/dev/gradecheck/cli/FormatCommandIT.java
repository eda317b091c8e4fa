package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.testing.ClassroomSpec;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.JUnitXml;
import dev.gradecheck.testing.PrairieLearnSpec;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code grade --format ...} end to end: the repository's course graded in real child JVMs, each format written
 * under its fixed name and valid against the platform's documented shape. (The in-process command keeps its standby
 * child JVMs until this test JVM exits, which they do not outlive; {@code main} ends them with the process.)
 */
class FormatCommandIT {

    private static final Path PARTIAL = RepoCourse.root().resolve("examples/partial");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void writesExactlyTheFormatAskedForUnderItsFixedName(ReportFormat format) throws IOException {
        Path out = temp.resolve("out");

        Run run = grade("--format", format.id(), "--out", out.toString());

        assertEquals(ExitCode.OK, run.exitCode, run.out + run.err);
        assertEquals(List.of(format.fileName()), files(out));
        assertTrue(run.out.contains("Reports written to:\n  " + out.resolve(format.fileName()) + "\n"), run.out);
        assertEquals(List.of(), violations(format, Files.readString(out.resolve(format.fileName()))));
    }

    @Test
    void writesEveryFormatFromTheSameGrading(@TempDir Path actions) throws IOException {
        Path out = temp.resolve("out");
        Path githubOutput = actions.resolve("github_output");

        Run run = grade("--format", "junit-xml", "--format", "classroom", "--format", "prairielearn", "--format",
                "gradescope", "--format", "report", "--format", "classroom", "--format", "html", "--github-output",
                githubOutput.toString(),
                "--out", out.toString());

        assertEquals(ExitCode.OK, run.exitCode, run.out + run.err);
        assertEquals(List.of("classroom-result.json", "feedback.html", "junit.xml", "prairielearn-results.json",
                "report.json", "results.json"), files(out));
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(List.of(), violations(format, Files.readString(out.resolve(format.fileName()))), format.id());
        }
        double score = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject()
                .get("score").getAsDouble();
        assertEquals(10, score, "chain-rule is solved, mlp-gradient-check is still the template's stub");
        JsonObject prairieLearn = json(out.resolve("prairielearn-results.json"));
        assertEquals(10.0 / 35, prairieLearn.get("score").getAsDouble(), 1e-9);
        String line = Files.readString(githubOutput);
        assertTrue(line.startsWith("result=") && line.endsWith("\n") && line.lines().count() == 1, line);
        String decoded = new String(Base64.getDecoder().decode(line.strip().substring("result=".length())),
                StandardCharsets.UTF_8);
        assertEquals(Files.readString(out.resolve("classroom-result.json")), decoded);
        JsonObject classroom = JsonParser.parseString(decoded).getAsJsonObject();
        assertEquals(10, classroom.getAsJsonArray("tests").asList().stream()
                .mapToDouble(test -> test.getAsJsonObject().get("score").getAsDouble()).sum(), 1e-9);
        assertEquals(35, classroom.get("max_score").getAsDouble());
    }

    @Test
    void withoutFormatWritesOursGradescopesAndTheFeedbackPage() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(ExitCode.OK, grade("--out", out.toString()).exitCode);
        assertEquals(List.of("feedback.html", "report.json", "results.json"), files(out));
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheFormats() {
        Run run = run("--course", RepoCourse.root().toString(), "grade", PARTIAL.toString(), "--format", "moodle");
        assertEquals(ExitCode.USAGE, run.exitCode);
        assertTrue(run.err.contains("'moodle' is not a report format; use one of report, gradescope, prairielearn,"
                + " classroom, junit-xml"), run.err);
    }

    @Test
    void hiddenTestsOfTheManifestReachNoStudentFacingFile() throws IOException {
        Path course = TinyCourse.write(temp.resolve("course"));
        TinyCourse.file(course, "exercises/calc/exercise.json", TinyCourse.MANIFEST.replace(
                "\"points\": 2,", "\"points\": 2, \"visibility\": \"hidden\","));
        Path submission = temp.resolve("submission");
        Files.createDirectories(submission);
        Files.writeString(submission.resolve("Calc.java"), """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) {
                    if (a < 0) { throw new IllegalStateException("negativesLeak"); } return Numbers.plus(a, b); } }
                """);
        Path out = temp.resolve("out");

        Run run = run("--course", course.toString(), "grade", submission.toString(), "--out", out.toString(),
                "--format", "report", "--format", "gradescope", "--format", "prairielearn", "--format", "classroom",
                "--format", "junit-xml");

        assertEquals(ExitCode.OK, run.exitCode, run.out + run.err);
        assertTrue(Files.readString(out.resolve("report.json")).contains("negativesLeak"), "the instructor sees it");
        for (String file : List.of("prairielearn-results.json", "classroom-result.json", "junit.xml")) {
            String text = Files.readString(out.resolve(file)).toLowerCase(Locale.ROOT);
            assertFalse(text.contains("addsnegatives") || text.contains("negativesleak"), file + ":\n" + text);
            assertTrue(text.contains("1 hidden test"), file);
        }
        JsonObject gradescope = json(out.resolve("results.json"));
        for (JsonElement test : gradescope.getAsJsonArray("tests")) {
            JsonObject line = test.getAsJsonObject();
            boolean leaks = line.toString().contains("negativesLeak") || line.toString().contains("addsNegatives");
            assertEquals(leaks, line.has("visibility") && line.get("visibility").getAsString().equals("hidden"),
                    "only the hidden line names the hidden test: " + line);
        }
        assertFalse(gradescope.get("output").getAsString().contains("negativesLeak"));
        assertFalse(run.out.contains("negativesLeak") || run.out.contains("addsNegatives"),
                "with --format classroom the printed summary is the student's (a Classroom log): " + run.out);
    }

    private static List<String> violations(ReportFormat format, String text) {
        return switch (format) {
            case REPORT -> ReportSchema.errors(text);
            case GRADESCOPE -> GradescopeSpec.violations(JsonParser.parseString(text).getAsJsonObject());
            case PRAIRIELEARN -> PrairieLearnSpec.violations(text);
            case CLASSROOM -> ClassroomSpec.violations(text);
            case JUNIT_XML -> JUnitXml.problems(text);
            case FEEDBACK -> FeedbackHtml.problems(text);
        };
    }

    private Run grade(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--course", RepoCourse.root().toString(), "grade",
                PARTIAL.toString(), "--exercise", "chain-rule", "--exercise", "mlp-gradient-check"));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(ExitCode exitCode, String out, String err) {
    }
}
