package dev.gradecheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.course.Course;
import dev.gradecheck.testing.ReportSchema;
import dev.gradecheck.testing.TestJvms;
import dev.gradecheck.testing.TinyCourse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shared install: the course is built by root (as a Docker image's setup step does) and graded by another user.
 * Runs only as root with {@code setpriv}; the other user is {@code nobody}. The grader runs as that user from a copy
 * of this JVM's class path that every user can read.
 */
class SharedInstallIT {

    private static final int NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private Path shared;
    private Path course;

    @BeforeEach
    void buildTheCourseAsRoot() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV),
                "skipped: needs to run as root with /usr/bin/setpriv, to grade as another user");
        shared = Files.createTempDirectory("gradecheck-shared-install-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        course = TinyCourse.write(shared.resolve("course"));
        TinyCourse.file(shared, "alice/Calc.java", """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) { return Numbers.plus(a, b); } }
                """);
        Course.load(course);
    }

    @AfterEach
    void deleteTheInstall() throws IOException {
        if (shared != null) {
            try (Stream<Path> paths = Files.walk(shared)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void theBuildCacheRootMadeIsReadableByEveryone() throws IOException {
        try (Stream<Path> paths = Files.walk(course.resolve("out/.cache"))) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ)
                        && (!Files.isDirectory(path) || permissions.contains(PosixFilePermission.OTHERS_EXECUTE))
                        && !permissions.contains(PosixFilePermission.OTHERS_WRITE),
                        path + " is " + PosixFilePermissions.toString(permissions));
            }
        }
    }

    @Test
    void anotherUserGradesWithTheCourseRootBuilt() throws Exception {
        Path out = writableByNobody(shared.resolve("reports"));
        Run run = asNobody("--course", course.toString(), "grade", shared.resolve("alice").toString(),
                "--out", out.toString());
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("Total: 5 / 10 (5 points pending manual grading)"), run.output());
        assertTrue(Files.isRegularFile(out.resolve("report.json")), run.output());
    }

    @Test
    void aBuildCacheAnotherUserCannotReadIsReportedAsAPermissionProblemWithItsPath() throws Exception {
        Path build;
        try (Stream<Path> builds = Files.list(course.resolve("out/.cache"))) {
            build = builds.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("rwx------"));
        Path out = writableByNobody(shared.resolve("reports"));
        Run run = asNobody("--course", course.toString(), "grade", shared.resolve("alice").toString(),
                "--out", out.toString());
        assertEquals(2, run.code(), run.output());
        assertTrue(run.output().contains("permission denied: " + build), run.output());
        assertTrue(!run.output().contains("at dev.gradecheck") && !run.output().contains("bug"), run.output());
        String report = Files.readString(out.resolve("report.json"));
        assertEquals(List.of(), ReportSchema.errors(report));
        JsonObject json = JsonParser.parseString(report).getAsJsonObject();
        assertEquals("failed", json.get("status").getAsString());
        assertTrue(json.get("reason").getAsString().contains("permission denied: " + build), report);
    }

    private static Path writableByNobody(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setAttribute(folder, "unix:uid", NOBODY);
        Files.setAttribute(folder, "unix:gid", NOBODY);
        return folder;
    }

    /** Runs the grader's command line as {@code nobody}, on a copy of this JVM's class path readable by everyone. */
    private Run asNobody(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        command.addAll(TestJvms.java(readableClasspath()));
        command.add("dev.gradecheck.cli.Main");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(shared.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", shared.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the grader did not finish: " + output);
        return new Run(process.exitValue(), output);
    }

    private String readableClasspath() throws IOException {
        Path lib = Files.createDirectories(shared.resolve("lib"));
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(path)) {
                Path copy = lib.resolve(entries.size() + "-" + path.getFileName());
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else if (Files.isDirectory(path)) {
                entries.add(path.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private record Run(int code, String output) {
    }
}
