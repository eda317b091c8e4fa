package dev.gradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/grader's choice of Java ({@code bin/lib/java.bash}, sourced by bin/grader): JAVA_HOME wins over the java on
 * PATH, and a JAVA_HOME without bin/java is said plainly. The chosen java then runs the grader's own
 * {@code --version}, which names the Java that ran; the child JVMs use the same one (the sandbox takes its java from
 * the running JVM's {@code java.home}).
 */
class LauncherIT {

    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    private static final String CHOOSE_AND_RUN = """
            . "$1/bin/lib/java.bash"
            gradecheck_java || exit 7
            printf 'java=%s\\n' "$java"
            exec "$java" -cp "$2" dev.gradecheck.cli.Main --version
            """;

    @Test
    void runsTheGraderOnJavaHomeRatherThanThePathsJava() throws Exception {
        assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "skipped: no JDK 25 at " + JDK_25);
        assumeTrue(Files.isExecutable(JDK_17.resolve("bin/java")), "skipped: no JDK 17 at " + JDK_17);

        Result result = bash(CHOOSE_AND_RUN, Map.of("JAVA_HOME", JDK_25.toString(),
                "PATH", JDK_17.resolve("bin") + ":" + System.getenv("PATH")));

        assertEquals(0, result.exitCode(), result.errors());
        List<String> lines = result.output().lines().toList();
        assertEquals("java=" + JDK_25.resolve("bin/java"), lines.get(0));
        assertTrue(lines.get(2).startsWith("Java 25"), result.output());
        assertTrue(lines.get(2).endsWith(" at " + JDK_25), result.output());
    }

    @Test
    void runsThePathsJavaWithoutJavaHome() throws Exception {
        assumeTrue(Files.isExecutable(JDK_17.resolve("bin/java")), "skipped: no JDK 17 at " + JDK_17);

        Result result = bash(CHOOSE_AND_RUN, Map.of("PATH", JDK_17.resolve("bin") + ":" + System.getenv("PATH")));

        assertEquals(0, result.exitCode(), result.errors());
        assertTrue(result.output().startsWith("java=java\n"), result.output());
        assertTrue(result.output().contains("\nJava 17"), result.output());
    }

    @Test
    void saysPlainlyWhenJavaHomeHasNoJava(@TempDir Path notAJdk) throws Exception {
        Result result = bash(CHOOSE_AND_RUN, Map.of("JAVA_HOME", notAJdk.toString(), "PATH", System.getenv("PATH")));

        assertEquals(7, result.exitCode());
        assertEquals("bin/grader: JAVA_HOME is set to " + notAJdk + ", but " + notAJdk + "/bin/java is missing or not"
                + " executable — point JAVA_HOME at a JDK 17 or later, or unset it to use the java on PATH.\n",
                result.errors());
    }

    @Test
    void binGraderStopsOnABrokenJavaHomeBeforeBuildingAnything(@TempDir Path notAJdk) throws Exception {
        Result result = run(List.of("bash", RepoCourse.root().resolve("bin/grader").toString(), "--version"),
                Map.of("JAVA_HOME", notAJdk.toString(), "PATH", System.getenv("PATH")));

        assertEquals(1, result.exitCode());
        assertTrue(result.errors().startsWith("bin/grader: JAVA_HOME is set to " + notAJdk + ", but "), result.errors());
    }

    /** A first run that stops early dumps its few classes; the launcher keeps that archive only for a full run. */
    private static final String DUMP_AND_KEEP = """
            . "$1/bin/lib/cds.bash"
            java -XX:ArchiveClassesAtExit="$3/archive.partial" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$2" \
                dev.gradecheck.cli.Main --course "$1" grade "$3/no-such-submission" >/dev/null 2>&1
            status=$?
            [[ -s "$3/archive.partial" ]] && echo dumped
            gradecheck_keep_archive "$status" "$3/archive.partial" "$3/early.jsa"
            printf 'status=%s\n' "$status"
            [[ -e "$3/early.jsa" ]] && echo kept-early
            [[ -e "$3/archive.partial" ]] && echo partial-left
            printf 'x' > "$3/full.partial"
            gradecheck_keep_archive 0 "$3/full.partial" "$3/full.jsa"
            [[ -e "$3/full.jsa" ]] && echo kept-full
            printf 'x' > "$3/verify.partial"
            gradecheck_keep_archive 4 "$3/verify.partial" "$3/verify.jsa"
            [[ -e "$3/verify.jsa" ]] && echo kept-verify
            exit 0
            """;

    @Test
    void keepsTheClassArchiveOfAFirstRunOnlyWhenThatRunWentThroughThePipeline(@TempDir Path folder) throws Exception {
        Path target = RepoCourse.root().resolve("grader/target");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().matches("gradecheck-grader-.*[0-9T]\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no grader jar in " + target + ": run mvn verify"));
        }
        String jarAndLibraries = jar + ":" + target.resolve("lib") + "/*";   // as bin/grader runs it: jars only
        Result result = run(List.of("bash", "-c", DUMP_AND_KEEP, "bash", RepoCourse.root().toString(),
                jarAndLibraries, folder.toString()),
                Map.of("PATH", JDK_17.resolve("bin") + ":" + System.getenv("PATH")));

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("dumped\nstatus=2\nkept-full\nkept-verify\n", result.output(), result.errors());
    }

    /** A fake grader tree: the launcher's build check sees only times, so files with set times show its rule. */
    private static final String BUILD_CHECK = """
            . "$1/bin/lib/build.bash"
            r="$2"
            check() { if gradecheck_needs_build "$r" "$r/grader/target/g.jar" "$r/grader/target/lib" "$r/grader/target/stamp"; then echo "$1: build"; else echo "$1: none"; fi; }
            mkdir -p "$r/grader/target/lib" "$r/grader/src/main/java/p" "$r/grader/src/test/java/p" "$r/toolkit/src/main/java"
            touch -d '2026-01-01 10:00' "$r/pom.xml" "$r/grader/src/main/java/p/A.java" "$r/grader/src/test/java/p/ATests.java"
            touch -d '2026-01-01 11:00' "$r/grader/target/g.jar"
            check no-stamp
            touch -d '2026-01-01 12:00' "$r/grader/target/stamp"
            check built
            touch -d '2026-01-01 13:00' "$r/grader/src/test/java/p/ATests.java"
            check test-edited
            touch -d '2026-01-01 13:00' "$r/toolkit/src/main/java/T.java"
            check toolkit-edited
            touch -d '2026-01-01 14:00' "$r/grader/target/stamp"
            check rebuilt-jar-unchanged
            touch -d '2026-01-01 15:00' "$r/pom.xml"
            check pom-edited
            touch -d '2026-01-01 16:00' "$r/grader/target/stamp"
            mkdir -p "$r/cluster/src/main/java"
            touch -d '2026-01-01 17:00' "$r/cluster/src/main/java/C.java"
            check cluster-edited
            """;

    @Test
    void buildsWhenAMainSourceOrPomIsNewerThanTheLastBuildButNotForATestEdit(@TempDir Path tree) throws Exception {
        Result result = run(List.of("bash", "-c", BUILD_CHECK, "bash", RepoCourse.root().toString(), tree.toString()),
                Map.of("PATH", System.getenv("PATH")));

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("""
                no-stamp: build
                built: none
                test-edited: none
                toolkit-edited: build
                rebuilt-jar-unchanged: none
                pom-edited: build
                cluster-edited: build
                """, result.output(), result.errors());
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private static Result bash(String script, Map<String, String> environment) throws Exception {
        return run(List.of("bash", "-c", script, "bash", RepoCourse.root().toString(),
                System.getProperty("java.class.path")), environment);
    }

    private static Result run(List<String> command, Map<String, String> environment) throws IOException,
            InterruptedException {
        Path output = Files.createTempFile("launcher", ".out");
        Path errors = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("HOME", System.getProperty("user.home"));
            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish within 60 s");
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
