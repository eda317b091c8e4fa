package dev.gradecheck.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradecheck.policy.ForbiddenApi;
import dev.gradecheck.testing.TinyCourse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The course file, {@code course.json}: its defaults, its overrides per exercise, and its messages. */
class CourseFileTests {

    @TempDir
    Path root;

    @Test
    void aCourseWithoutACourseFileKeepsTodaysBehaviour() throws Exception {
        TinyCourse.write(root);

        Course course = Course.load(root);

        assertEquals(CourseSettings.DEFAULT, course.settings());
        Exercise calc = course.exercise("calc").orElseThrow();
        assertEquals(List.of(), calc.apiFamilies());
        assertEquals(Limits.NONE, calc.limits());
        assertEquals(List.of(), course.build().courseLibraries());
    }

    @Test
    void anExerciseOverridesTheCoursesFamiliesAndLimits() throws Exception {
        TinyCourse.write(root);
        TinyCourse.file(root, "course.json", """
                {"apiFamilies": {"threads": "allow"}, "sandbox": {"heapMegabytes": 512, "timeoutMillis": 3000}}
                """);
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST
                .replace("\"timeoutMillis\": 5000,", "\"apiFamilies\": {\"io\": \"allow\", \"threads\": \"forbid\"},"
                        + " \"sandbox\": {\"stackKilobytes\": 4096},"));

        Course course = Course.load(root);

        Exercise calc = course.exercise("calc").orElseThrow();
        assertEquals(List.of(ForbiddenApi.THREADS), course.settings().apiFamilies());
        assertEquals(List.of(ForbiddenApi.IO), calc.apiFamilies());
        assertEquals(new Limits(OptionalInt.of(512), OptionalInt.of(4096), OptionalInt.empty()), calc.limits());
        assertEquals(Duration.ofMillis(3000), calc.tests().get(0).timeout(), "the course's default test time");
        assertEquals(Duration.ofMillis(2000), calc.tests().get(1).timeout(), "a test's own time");
    }

    @Test
    void testLibrariesGoIntoTheBuildAndTheSuiteHash() throws Exception {
        TinyCourse.write(root);
        TinyCourse.file(root, "lib/checks/Check.class", "not really a class");
        TinyCourse.file(root, "course.json", "{\"testLibraries\": [\"lib/checks\"]}");
        Course first = Course.load(root);

        assertEquals(1, first.build().courseLibraries().size());
        Path copy = first.build().courseLibraries().get(0);
        assertEquals("not really a class", Files.readString(copy.resolve("Check.class")));

        TinyCourse.file(root, "lib/checks/Check.class", "another class");
        assertNotEquals(first.suiteHash(), Course.load(root).suiteHash(), "a changed library is a changed suite");
        assertEquals(Course.load(root).suiteHash(), Course.currentSuiteHash(root));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCourseFiles")
    void namesTheFileFieldAndBadValueOfABrokenCourseFile(String json, String message) {
        TinyCourse.write(root);
        TinyCourse.file(root, "course.json", json);

        CourseException problem = assertThrows(CourseException.class, () -> Course.load(root));

        assertEquals(message, problem.getMessage());
    }

    static Stream<Arguments> brokenCourseFiles() {
        String file = "course.json: ";
        String closed = " stays closed in every course, because the sandbox relies on it (see docs/security.md) — a"
                + " course may allow only io, threads, was \"allow\"";
        return Stream.of(
                Arguments.of("{\"apiFamilies\": {\"reflection\": \"allow\"}}",
                        file + "\"apiFamilies.reflection\" cannot be \"allow\": reflection" + closed),
                Arguments.of("{\"apiFamilies\": {\"process\": \"allow\"}}",
                        file + "\"apiFamilies.process\" cannot be \"allow\": process" + closed),
                Arguments.of("{\"apiFamilies\": {\"internal\": \"allow\"}}",
                        file + "\"apiFamilies.internal\" cannot be \"allow\": internal" + closed),
                Arguments.of("{\"apiFamilies\": {\"files\": \"allow\"}}",
                        file + "\"apiFamilies.files\" is not an API family — the families are reflection, class-loading,"
                                + " exit, process, threads, io, system, native, internal, test-framework, was \"files\""),
                Arguments.of("{\"apiFamilies\": {\"io\": \"yes\"}}",
                        file + "\"apiFamilies.io\" must be \"allow\" or \"forbid\", was \"yes\""),
                Arguments.of("{\"sandbox\": {\"heapMegabytes\": 8}}",
                        file + "\"sandbox.heapMegabytes\" must be 16..65536, was 8"),
                Arguments.of("{\"sandbox\": {\"timeoutMillis\": 0}}",
                        file + "\"sandbox.timeoutMillis\" must be 1..60000, was 0"),
                Arguments.of("{\"sandbox\": {\"heap\": 256}}",
                        file + "unknown field \"sandbox.heap\" — the known fields are heapMegabytes, outputCapChars,"
                                + " stackKilobytes, timeoutMillis"),
                Arguments.of("{\"testLibraries\": [\"lib/missing.jar\"]}",
                        file + "\"testLibraries[0]\" must be an existing .jar file or class folder (build it first —"
                                + " bin/grader builds the course's Maven modules — or fix the path), was \"lib/missing.jar\""),
                Arguments.of("{\"testLibraries\": [\"../outside.jar\"]}",
                        file + "\"testLibraries[0]\" must name a jar or class folder inside the course, was \"../outside.jar\""),
                Arguments.of("{\"compileHints\": [{\"code\": \"cant.resolve\", \"hint\": \"x\"}]}",
                        file + "\"compileHints[0].code\" must be a javac error code like"
                                + " \"compiler.err.cant.resolve.location\", was \"cant.resolve\""),
                Arguments.of("{\"courses\": 1}", file + "unknown field \"courses\" — the known fields are apiFamilies,"
                        + " compileHints, rate_limit, sandbox, testLibraries"));
    }

    @Test
    void anExerciseCannotAllowAClosedFamilyNorAnEntryThatOpensOne() {
        TinyCourse.write(root);
        for (Map.Entry<String, String> attempt : Map.of(
                "\"apiFamilies\": {\"exit\": \"allow\"},", "\"apiFamilies.exit\" cannot be \"allow\": exit",
                "\"allow\": [\"java.lang.*\"],", "\"allow[0]\" would admit exit APIs",
                "\"allow\": [\"java.lang.reflect.Method\"],", "\"allow[0]\" would admit reflection APIs",
                "\"allow\": [\"sun.misc.Unsafe\"],", "\"allow[0]\" would admit internal APIs",
                "\"allow\": [\"java.lang.ProcessBuilder\"],", "\"allow[0]\" would admit process APIs",
                "\"allow\": [\"java.lang.Runtime#exec\"],", "\"allow[0]\" would admit process APIs",
                "\"allow\": [\"java.lang.Class#forName\"],", "\"allow[0]\" would admit reflection APIs",
                "\"allow\": [\"java.lang.System#*\"],", "\"allow[0]\" would admit exit APIs").entrySet()) {
            TinyCourse.file(root, "exercises/calc/exercise.json",
                    TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000,", attempt.getKey() + " \"timeoutMillis\": 5000,"));
            CourseException problem = assertThrows(CourseException.class, () -> Course.load(root), attempt.getKey());
            String expected = "exercises/calc/exercise.json: " + attempt.getValue();
            assertEquals(expected, problem.getMessage().substring(0, Math.min(expected.length(), problem.getMessage().length())),
                    problem.getMessage());
        }
    }
}
