package dev.gradecheck.e2e;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.course.Course;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.TestJvms;
import dev.gradecheck.testing.TinyCourse;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A course that is not the backprop course, graded end to end in real child JVMs: {@code courses/data-structures}
 * under the test resources, two exercises, one allowed file I/O by its manifest, one with limits of its own (a 48 MB
 * heap, a 300 ms test), a test library jar (built here from the course's {@code library/src}) that the hidden tests
 * of both exercises use. No grader code knows this course. Graded as this user through the facade and, when this
 * runs as root with {@code setpriv}, as {@code nobody} through the command line.
 */
class DataStructuresCourseIT {

    private static final int NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private Path shared;
    private Path course;

    @BeforeEach
    void writeTheCourse() throws Exception {
        shared = Files.createTempDirectory("gradecheck-data-structures-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        course = shared.resolve("course");
        FileTrees.copy(fixture(), course);
        buildTheTestLibrary(course.resolve("library/src"), course.resolve("library/ds-check.jar"));
    }

    @AfterEach
    void deleteTheCourse() throws IOException {
        if (shared != null) {
            try (Stream<Path> paths = Files.walk(shared)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        assertNoProcessLeftBehind();
    }

    @Test
    void theSolutionsPassExceptTheTestsThatNeedMoreThanTheirExercisesLimits() throws Exception {
        try (Grader grader = Grader.create(GraderConfig.forCourse(course))) {
            GradeReport report = grader.grade(GradeRequest.of(course.resolve("solutions/src/main/java").toString()));

            assertLineCountGraded(report, 6);
            ExerciseReport stack = exercise(report, "int-stack");
            assertEquals(TestStatus.PASSED, test(stack, "popsInReverseOrder").status(), "the test library is usable");
            TestReport heap = test(stack, "holdsTenMillionInts");
            assertEquals(TestStatus.ERROR, heap.status(), heap.message());
            assertTrue(heap.message().contains("heap limit 48 MB"), heap.message());
            TestReport time = test(stack, "answersWithinItsTimeLimit");
            assertEquals(TestStatus.TIMEOUT, time.status(), time.message());
            assertTrue(time.message().contains("did not finish within 0.3 s"), time.message());
            assertEquals(3, stack.score(), stack.toString());
        }
    }

    @Test
    void fileIoPassesInTheExerciseThatAllowsItAndTheSameCodeIsRefusedInTheOther() throws Exception {
        Path submission = shared.resolve("alice");
        FileTrees.copy(course.resolve("solutions/src/main/java"), submission);
        TinyCourse.file(submission, "ds/stack/IntStack.java", Files.readString(
                course.resolve("solutions/src/main/java/ds/stack/IntStack.java")).replace("public int size() {", """
                public static long lines(java.nio.file.Path file) throws java.io.IOException {
                        return java.nio.file.Files.readAllLines(file).size();
                    }

                    public int size() {"""));

        try (Grader grader = Grader.create(GraderConfig.forCourse(course))) {
            GradeReport report = grader.grade(GradeRequest.of(submission.toString()));

            assertLineCountGraded(report, 6);
            ExerciseReport stack = exercise(report, "int-stack");
            assertEquals(0, stack.score(), stack.toString());
            assertTrue(stack.findings().stream().anyMatch(finding -> finding.message().contains("java.nio.file.Files")
                    && finding.message().contains("file and network I/O is not allowed")), stack.findings().toString());
        }
    }

    @Test
    void anOrdinaryUserGradesTheCourseBuiltByRoot() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV),
                "skipped: needs to run as root with /usr/bin/setpriv, to grade as another user");
        Course.load(course);
        Path out = Files.createDirectories(shared.resolve("reports"));
        Files.setAttribute(out, "unix:uid", NOBODY);
        Files.setAttribute(out, "unix:gid", NOBODY);

        String output = asNobody("--course", course.toString(), "grade",
                course.resolve("solutions/src/main/java").toString(), "--out", out.toString());

        JsonObject report = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
        String level = report.getAsJsonObject("provenance").getAsJsonObject("isolation").get("level").getAsString();
        boolean filesystem = IsolationLevel.byId(level).orElseThrow().atLeast(IsolationLevel.FILESYSTEM);
        assertTrue(output.contains(filesystem ? "Total: 9 / 11" : "Total: 3 / 11"), level + ":\n" + output);
    }

    /**
     * Line counting passed in full where the child's file system is isolated; elsewhere it is not run, with the
     * reason (a file could be the child's own memory).
     */
    private static void assertLineCountGraded(GradeReport report, double points) {
        ExerciseReport lines = exercise(report, "line-count");
        if (report.provenance().isolation().level().atLeast(IsolationLevel.FILESYSTEM)) {
            assertEquals(points, lines.score(), lines.toString());
        } else {
            assertEquals(0, lines.score(), lines.toString());
            assertTrue(lines.toString().contains("runs only inside bubblewrap"), lines.toString());
        }
    }

    private static ExerciseReport exercise(GradeReport report, String id) {
        return report.exercises().stream().filter(exercise -> exercise.id().equals(id)).findFirst().orElseThrow();
    }

    private static TestReport test(ExerciseReport exercise, String method) {
        return exercise.tests().stream().filter(test -> test.id().toString().endsWith("#" + method)).findFirst()
                .orElseThrow(() -> new AssertionError("no test " + method + " in " + exercise));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(DataStructuresCourseIT.class.getResource("/courses/data-structures/course.json").toURI()).getParent();
    }

    /** Compiles the library's sources and jars them: the jar the course ships, made from sources for the test. */
    private static void buildTheTestLibrary(Path sources, Path jar) throws IOException {
        Path classes = Files.createTempDirectory(sources.getParent(), "classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> entries = Files.walk(classes)) {
            for (Path entry : entries.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        FileTrees.delete(classes);
    }

    /** Runs the grader's command line as {@code nobody}, on a copy of this JVM's class path readable by everyone. */
    private String asNobody(String... arguments) throws Exception {
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
        assertEquals(0, process.exitValue(), output);
        return output;
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
}
