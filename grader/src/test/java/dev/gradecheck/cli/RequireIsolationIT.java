package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.Grader;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.Graders;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.testing.GradescopeSpec;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.ReportSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --require-isolation LEVEL}: grades at or above the level, refuses below it with reports and exit 5. */
class RequireIsolationIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void refusesBelowTheLevelBeforeAnyStudentCodeRunsAndSaysWhy(@TempDir Path folder) throws Exception {
        Path reports = folder.resolve("reports");
        ExitCode code = run(graders(false), "grade", RepoCourse.root().resolve("solutions/src/main/java").toString(),
                "--exercise", "chain-rule", "--out", reports.toString(), "--require-isolation", "network");

        assertEquals(ExitCode.ISOLATION, code, err());
        assertTrue(err().startsWith("error: student code would run at isolation level process (isolation layers are "
                + "turned off in the sandbox settings), below --require-isolation network"), err());
        JsonObject report = JsonParser.parseString(Files.readString(reports.resolve("report.json"))).getAsJsonObject();
        assertEquals(List.of(), ReportSchema.errors(report.toString()));
        assertEquals("refused", report.get("status").getAsString());
        assertEquals(0, report.getAsJsonArray("exercises").size());
        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertTrue(results.get("output").getAsString().contains("below --require-isolation network"), results.toString());
    }

    @Test
    void gradesWhenTheMachineReachesTheLevel(@TempDir Path folder) throws Exception {
        Grader probe = Grader.create(GraderConfig.forCourse(RepoCourse.root()));
        String level = probe.isolation().level().id();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed here");
        assertTrue(level.equals("filesystem") || level.equals("own-user"),
                "with bubblewrap installed the sandbox must reach the filesystem level, was " + level + ": "
                        + probe.isolation().notes());
        Path reports = folder.resolve("reports");

        ExitCode code = run(graders(true), "grade", RepoCourse.root().resolve("solutions/src/main/java").toString(),
                "--exercise", "chain-rule", "--out", reports.toString(), "--require-isolation", level);

        assertEquals(ExitCode.OK, code, err());
        JsonObject report = JsonParser.parseString(Files.readString(reports.resolve("report.json"))).getAsJsonObject();
        assertEquals("graded", report.get("status").getAsString());
        assertEquals(level, report.getAsJsonObject("provenance").getAsJsonObject("isolation").get("level").getAsString());
        assertFalse(report.getAsJsonArray("exercises").isEmpty());
    }

    @Test
    void anUnknownLevelIsAUsageErrorNamingTheLevels() {
        assertEquals(ExitCode.USAGE, run(graders(true), "grade", "x", "--require-isolation", "total"));
        assertTrue(err().contains("'total' is not an isolation level; use one of process, network, filesystem, own-user"),
                err());
    }

    private static Graders graders(boolean isolate) {
        return new Graders() {
            @Override
            public Grader grader(Path courseRoot) throws dev.gradecheck.course.CourseException {
                GraderConfig config = GraderConfig.forCourse(courseRoot);
                return Grader.create(config.withSandbox(config.sandbox().withIsolate(isolate)));
            }

            @Override
            public void close() {
            }
        };
    }

    private ExitCode run(Graders graders, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--course";
        all[1] = RepoCourse.root().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new Invocation(Path.of("").toAbsolutePath(), graders),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                all);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
