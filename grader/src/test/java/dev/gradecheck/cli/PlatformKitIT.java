package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.ClassroomSpec;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.PrairieLearnSpec;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TestJvms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The platform kits run the way each platform runs them, in temporary roots standing in for {@code /autograder} and
 * {@code /grade}: {@code bin/grader package gradescope} unpacked, its {@code setup.sh} (apt steps skipped) and
 * {@code run_autograder} run (as root when this test runs as root, as Gradescope does); the PrairieLearn entry point;
 * the GitHub Classroom workflow parsed and its grading step run with the variables Actions sets. The grader they call
 * is this build ({@code GRADECHECK_GRADER}: a script running {@code Main} on this test's class path against the
 * kit's own course), so no test builds the grader again.
 */
class PlatformKitIT {

    private static final Path PARTIAL = RepoCourse.root().resolve("examples/partial");

    @TempDir
    Path temp;

    /** Where the Gradescope zip is packaged once for every test of the class. */
    @TempDir
    static Path packaged;

    private static Path gradescopeZip;

    @Test
    void theGradescopeZipGradesASubmissionIntoResultsJson() throws Exception {
        Path autograder = gradescopeKit();
        Files.writeString(autograder.resolve("submission_metadata.json"), """
                {"id": 1, "created_at": "2025-01-01T10:00:00.000000-08:00", "previous_submissions": [],
                 "users": [{"email": "alice@example.edu", "name": "Alice", "sid": "1"}]}
                """);
        Map<String, String> environment = gradescopeEnvironment(autograder);

        Result setup = run(List.of("bash", autograder.resolve("source/setup.sh").toString()), autograder, environment);
        assertEquals(0, setup.code(), setup.err());
        assertTrue(setup.out().startsWith("gradecheck "), setup.out());
        Result graded = run(List.of("bash", autograder.resolve("source/run_autograder").toString()), autograder,
                environment);

        assertEquals(0, graded.code(), graded.err());
        JsonObject results = json(autograder.resolve("results/results.json"));
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(25, results.get("score").getAsDouble(), graded.out() + graded.err());
        assertTrue(results.getAsJsonArray("tests").size() > 10, results.toString());
    }

    @Test
    void theGradescopeKitKeepsTheLastScoreOverTheCourseRateLimitAndGradesUnderIt() throws Exception {
        Path autograder = gradescopeKit();
        setRateLimit(autograder.resolve("source"), "{\"submissions\": 2, \"window_hours\": 24}");
        Map<String, String> environment = gradescopeEnvironment(autograder);
        String previous = """
                {"submission_time": "2025-01-01T11:00:00.000000-08:00", "score": 12.0, "results": {"score": 12.0,
                  "tests": [{"name": "chain-rule: compilation", "status": "passed"}]}},
                {"submission_time": "2025-01-01T09:00:00.000000-08:00", "score": 17.5, "results": %s},
                {"submission_time": "2025-01-01T08:00:00.000000-08:00", "score": null, "results": null}""";
        String graded = "{\"score\": 17.5, \"tests\": []}";

        writeMetadata(autograder, "2025-01-01T12:00:00.000000-08:00", previous.formatted(graded));
        Result limited = run(List.of("bash", autograder.resolve("source/run_autograder").toString()), autograder,
                environment);
        assertEquals(0, limited.code(), limited.err());
        String text = Files.readString(autograder.resolve("results/results.json"));
        JsonObject results = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(12, results.get("score").getAsDouble(), "the previous submission's score stays");
        assertEquals(0, results.getAsJsonArray("tests").size(), "nothing of this run");
        String output = results.get("output").getAsString();
        assertTrue(output.contains("at most 2 graded submissions per 24 hours"), output);
        assertTrue(output.contains("graded from 2025-01-02 09:00 (UTC-08:00)"), output);
        assertFalse(text.contains("TestClass") || text.contains("Tests."), "no test of this run leaks: " + text);
        assertTrue(limited.out().contains("Not graded: over the rate limit"), limited.out());

        // The earlier 9:00 run ended in an autograder error: only one run is in the window, so this one is graded.
        writeMetadata(autograder, "2025-01-01T12:00:00.000000-08:00", previous.formatted("null"));
        Result normal = run(List.of("bash", autograder.resolve("source/run_autograder").toString()), autograder,
                environment);
        assertEquals(0, normal.code(), normal.err());
        JsonObject gradedResults = json(autograder.resolve("results/results.json"));
        assertEquals(List.of(), GradescopeSpec.violations(gradedResults));
        assertEquals(25, gradedResults.get("score").getAsDouble(), normal.out() + normal.err());
        assertTrue(gradedResults.getAsJsonArray("tests").size() > 10, gradedResults.toString());
        assertTrue(normal.out().contains("graded submission 2 of 2 in the window"), normal.out());
    }

    /**
     * {@code bin/grader package gradescope} unzipped into {@code temp/autograder/source}, with the partial example as
     * the submission; returns {@code temp/autograder}.
     */
    private Path gradescopeKit() throws Exception {
        Path autograder = temp.resolve("autograder");
        unzip(gradescopeZip(), autograder.resolve("source"));
        for (String file : List.of("setup.sh", "run_autograder", "bin/grader", "pom.xml",
                "exercises/chain-rule/exercise.json")) {
            assertTrue(Files.isRegularFile(autograder.resolve("source").resolve(file)), file + " is in the zip");
        }
        assertFalse(Files.exists(autograder.resolve("source/grader/target")), "no build output in the zip");
        // setup.sh builds the course's Maven modules into the image; the test runs this build's grader instead
        // (GRADECHECK_GRADER), so it puts this build's toolkit classes where course.json's testLibraries names them.
        FileTrees.copy(RepoCourse.root().resolve("toolkit/target/classes"),
                autograder.resolve("source/toolkit/target/classes"));
        RepoCourse.copyTree(PARTIAL, autograder.resolve("submission"), false);
        return autograder;
    }

    /** {@code bin/grader package gradescope}'s zip, made once for the class (each test unzips its own copy). */
    private Path gradescopeZip() throws Exception {
        if (gradescopeZip == null) {
            Path zip = packaged.resolve("autograder.zip");
            Result result = run(List.of("bash", RepoCourse.root().resolve("bin/grader").toString(), "package",
                    "gradescope", "--out", zip.toString()), packaged, Map.of());
            assertEquals(0, result.code(), result.err());
            gradescopeZip = zip;
        }
        return gradescopeZip;
    }

    private Map<String, String> gradescopeEnvironment(Path autograder) throws IOException {
        return Map.of("GRADECHECK_AUTOGRADER_ROOT", autograder.toString(), "GRADECHECK_SKIP_APT", "1",
                "GRADECHECK_GRADER", grader(autograder.resolve("source")).toString());
    }

    /** Sets {@code course.json}'s {@code rate_limit} in {@code course}, keeping the file's other settings. */
    private static void setRateLimit(Path course, String limit) throws IOException {
        Path file = course.resolve("course.json");
        JsonObject settings = Files.exists(file) ? json(file) : new JsonObject();
        settings.add("rate_limit", JsonParser.parseString(limit));
        Files.writeString(file, settings.toString());
    }

    private static void writeMetadata(Path autograder, String createdAt, String previous) throws IOException {
        Files.writeString(autograder.resolve("submission_metadata.json"), "{\"id\": 2, \"created_at\": \""
                + createdAt + "\", \"users\": [{\"email\": \"alice@example.edu\", \"name\": \"Alice\"}], "
                + "\"previous_submissions\": [" + previous + "]}");
    }

    @Test
    void aGradescopeRunWhoseGraderCannotStartStillWritesResultsJson() throws Exception {
        Path autograder = Files.createDirectories(temp.resolve("autograder"));
        Result graded = run(List.of("bash", RepoCourse.root().resolve("bin/lib/kits/gradescope/run_autograder")
                .toString()), autograder, Map.of("GRADECHECK_AUTOGRADER_ROOT", autograder.toString(),
                "GRADECHECK_GRADER", "/bin/false"));
        assertEquals(0, graded.code(), graded.err());
        JsonObject results = json(autograder.resolve("results/results.json"));
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(0, results.get("score").getAsDouble());
        assertTrue(results.get("output").getAsString().contains("tell your instructor"), results.toString());
    }

    @Test
    void thePrairieLearnEntryPointWritesGradeResultsResultsJson() throws Exception {
        Path grade = temp.resolve("grade");
        RepoCourse.copyTree(PARTIAL, grade.resolve("student"), false);
        Files.createDirectories(grade.resolve("data"));
        Files.writeString(grade.resolve("data/data.json"), "{\"params\": {}, \"submitted_answers\": {}}");
        Path entry = RepoCourse.root().resolve("bin/lib/kits/prairielearn/grade");

        Result graded = run(List.of("bash", entry.toString()), grade, Map.of("GRADECHECK_GRADE_ROOT",
                grade.toString(), "GRADECHECK_GRADER", grader(RepoCourse.root()).toString()));

        assertEquals(0, graded.code(), graded.err());
        String text = Files.readString(grade.resolve("results/results.json"));
        assertEquals(List.of(), PrairieLearnSpec.violations(text));
        JsonObject results = JsonParser.parseString(text).getAsJsonObject();
        assertTrue(results.get("gradable").getAsBoolean());
        double max = RepoCourse.fullMarks().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(25 / max, results.get("score").getAsDouble(), 1e-9, RepoCourse.totalText());

        Result broken = run(List.of("bash", entry.toString()), grade, Map.of("GRADECHECK_GRADE_ROOT",
                grade.toString(), "GRADECHECK_GRADER", "/bin/false"));
        assertEquals(0, broken.code(), broken.err());
        String fallback = Files.readString(grade.resolve("results/results.json"));
        assertEquals(List.of(), PrairieLearnSpec.violations(fallback));
        assertFalse(JsonParser.parseString(fallback).getAsJsonObject().get("gradable").getAsBoolean(),
                "a grader that cannot start costs the student no attempt");
    }

    @Test
    void theClassroomWorkflowParsesAndItsGradingStepYieldsAResultTheReporterReads() throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(
                RepoCourse.root().resolve("student-template/.github/workflows/classroom.yml")));
        assertEquals("Autograding Tests", workflow.get("name"));
        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertEquals(List.of("run-autograding-tests"), List.copyOf(jobs.keySet()));
        List<Map<String, Object>> steps = list(map(jobs.get("run-autograding-tests")).get("steps"));
        Map<String, Object> grading = steps.stream().filter(step -> "gradecheck".equals(step.get("id"))).findFirst()
                .orElseThrow();
        Map<String, Object> reporter = steps.get(steps.size() - 1);
        assertEquals("classroom-resources/autograding-grading-reporter@v1", reporter.get("uses"));
        assertEquals("${{ steps.gradecheck.outputs.result }}", map(reporter.get("env")).get("GRADECHECK_RESULTS"),
                "the reporter reads <RUNNER>_RESULTS, runner gradecheck");
        assertEquals("gradecheck", map(reporter.get("with")).get("runners"));
        assertEquals("always()", reporter.get("if"), "the points are reported when the grading finds failures");

        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        RepoCourse.copyTree(PARTIAL, workspace.resolve("submission"), false);
        Files.createDirectories(workspace.resolve("course/bin"));
        Files.copy(grader(RepoCourse.root()), workspace.resolve("course/bin/grader"));
        Path githubOutput = Files.createFile(temp.resolve("github_output"));
        Result graded = run(List.of("bash", "-e", "-c", (String) grading.get("run")), workspace, Map.of(
                "GITHUB_OUTPUT", githubOutput.toString(), "GITHUB_WORKSPACE", workspace.toString(), "CI", "true",
                "GITHUB_ACTIONS", "true"));

        assertEquals(0, graded.code(), graded.err());
        String line = Files.readString(githubOutput);
        assertTrue(line.startsWith("result=") && line.lines().count() == 1, line);
        String decoded = new String(Base64.getDecoder().decode(line.strip().substring("result=".length())),
                StandardCharsets.UTF_8);
        assertEquals(List.of(), ClassroomSpec.violations(decoded));
        JsonObject result = JsonParser.parseString(decoded).getAsJsonObject();
        double points = 0;
        for (JsonElement test : result.getAsJsonArray("tests")) {
            points += test.getAsJsonObject().get("score").getAsDouble();
        }
        assertEquals(25, points, 1e-9, "the reporter's Points X/Y sums the tests' scores");
        assertTrue(result.get("max_score").getAsDouble() > 0, "a runner with max_score 0 adds no points");
    }

    /** A grader command: this build's {@code Main} on this test's class path, for the course at {@code course}. */
    private Path grader(Path course) throws IOException {
        Path script = Files.createTempFile(temp, "grader", ".sh");
        String java = TestJvms.java().stream().map(word -> "'" + word + "'").collect(Collectors.joining(" "));
        Files.writeString(script, "#!/usr/bin/env bash\nexec " + java + " dev.gradecheck.cli.Main --course '" + course
                + "' \"$@\"\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.write(target, in.readAllBytes());
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private Result run(List<String> command, Path folder, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("GITHUB_OUTPUT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "did not finish: " + command);
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int code, String out, String err) {
    }
}
