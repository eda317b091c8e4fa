package dev.gradecheck.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.TestId;
import dev.gradecheck.api.Visibility;
import dev.gradecheck.policy.ApiPattern;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TinyCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CourseTests {

    @TempDir
    Path root;

    @Test
    void loadsAValidCourseWithItsProvidedCodeAndTotals() throws Exception {
        Course course = Course.load(TinyCourse.write(root));
        Exercise calc = course.exercises().get(0);
        assertEquals("calc", calc.id());
        assertEquals(List.of("demo/calc/Numbers.java"), course.providedFiles());
        assertEquals(List.of("demo/calc/Calc.java"), calc.studentFiles());
        assertEquals(new HiddenTest(TestId.parse("demo.calc.CalcHiddenTests#addsNegatives"), 2, Duration.ofMillis(2000)),
                calc.tests().get(1));
        assertEquals(Duration.ofMillis(5000), calc.tests().get(0).timeout());
        assertEquals(10, course.totalPoints());
        assertTrue(course.suiteHash().matches("[0-9a-f]{64}"), course.suiteHash());
        assertTrue(Files.isRegularFile(course.build().hiddenTests("calc").resolve("demo/calc/CalcHiddenTests.class")));
        assertTrue(Files.isRegularFile(course.build().solutionClasses().resolve("demo/calc/Calc.class")));
        assertTrue(Files.isRegularFile(course.build().providedClasses().resolve("demo/calc/Numbers.class")));
    }

    @Test
    void reusesTheCachedBuildOfTheSameSuite() throws Exception {
        Course first = Course.load(TinyCourse.write(root));
        Path marker = first.build().providedClasses().resolve("marker");
        Files.writeString(marker, "kept");
        Course second = Course.load(root);
        assertEquals(first.suiteHash(), second.suiteHash());
        assertTrue(Files.exists(marker), "the second load must reuse the first build");
    }

    @Test
    void changesTheSuiteHashWhenAHiddenTestChanges() throws Exception {
        String before = Course.load(TinyCourse.write(root)).suiteHash();
        TinyCourse.file(root, "exercises/calc/tests/demo/calc/Extra.java", "package demo.calc; class Extra {}\n");
        assertNotEquals(before, Course.load(root).suiteHash());
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedBuildsAfterANewOne() throws Exception {
        Course first = Course.load(TinyCourse.write(root));
        Path cache = first.build().providedClasses().getParent().getParent();
        assertEquals(first.suiteHash(), first.build().providedClasses().getParent().getFileName().toString());
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = String.valueOf(i).repeat(64);
            Files.createDirectories(cache.resolve(name).resolve("provided"));
            Files.setLastModifiedTime(cache.resolve(name), FileTime.fromMillis(1_000_000L * (i + 1)));
            old.add(name);
        }
        Files.createDirectories(cache.resolve("not-a-build"));
        Course.load(root);   // reused: marks the first build as used now
        assertEquals(6, names(cache).size(), "reusing a build deletes nothing");

        TinyCourse.file(root, "exercises/calc/tests/demo/calc/Extra.java", "package demo.calc; class Extra {}\n");
        Course changed = Course.load(root);
        assertEquals(List.of(changed.suiteHash(), first.suiteHash(), old.get(3), "not-a-build").stream().sorted().toList(),
                names(cache), "the new build, the two most recently used others, and nothing that is not a build");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenManifests")
    void namesTheFileFieldAndBadValueOfABrokenManifest(String replace, String with, String message) {
        TinyCourse.write(root);
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST.replace(replace, with));
        CourseException problem = assertThrows(CourseException.class, () -> Course.load(root));
        assertEquals(message, problem.getMessage());
    }

    @Test
    void readsTheEntriesAnExerciseAddsToTheAllowList() throws Exception {
        TinyCourse.write(root);
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000",
                "\"allow\": [\"java.util.concurrent.*\", \"java.nio.file.Files#readAllLines\"], \"timeoutMillis\": 5000"));

        Exercise calc = Course.load(root).exercise("calc").orElseThrow();

        assertEquals(List.of("java.util.concurrent.*", "java.nio.file.Files#readAllLines"),
                calc.allow().stream().map(ApiPattern::text).toList());
    }

    @Test
    void readsVisibilityPerExerciseAndPerTestTheTestsOverriding() throws Exception {
        TinyCourse.write(root);
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST
                .replace("\"timeoutMillis\": 5000", "\"visibility\": \"after_due_date\", \"timeoutMillis\": 5000")
                .replace("\"points\": 2,", "\"points\": 2, \"visibility\": \"hidden\","));

        Exercise calc = Course.load(root).exercise("calc").orElseThrow();

        assertEquals(Visibility.AFTER_DUE_DATE, calc.visibility());
        assertEquals(List.of(Visibility.AFTER_DUE_DATE, Visibility.HIDDEN),
                calc.tests().stream().map(HiddenTest::visibility).toList());
    }

    @Test
    void everythingIsVisibleWhenTheManifestSaysNothing() throws Exception {
        Exercise calc = Course.load(TinyCourse.write(root)).exercise("calc").orElseThrow();

        assertEquals(Visibility.VISIBLE, calc.visibility());
        assertTrue(calc.tests().stream().allMatch(test -> test.visibility() == Visibility.VISIBLE));
    }

    @Test
    void readsWhereAManualItemsWrittenAnswerIsTheSectionDefaultingToTheExerciseId() throws Exception {
        TinyCourse.write(root);
        TinyCourse.file(root, "student-template/ANSWERS.md", "# Answers\n\n## `calc`\n\n" + "<!-- Write your answer below this line. -->\n");
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST.replace("\"points\": 5}",
                "\"points\": 5, \"answer\": {\"file\": \"ANSWERS.md\"}}"));
        Course course = Course.load(root);
        assertEquals(java.util.Optional.of(new AnswerSection("ANSWERS.md", "calc")),
                course.exercises().get(0).manual().get(0).answer());
        assertEquals(java.util.Set.of("ANSWERS.md"), course.answerFiles());
    }

    @Test
    void aManualItemWithoutAnAnswerFileNamesNone() throws Exception {
        Course course = Course.load(TinyCourse.write(root));
        assertEquals(java.util.Optional.empty(), course.exercises().get(0).manual().get(0).answer());
        assertEquals(java.util.Set.of(), course.answerFiles());
    }

    static Stream<Arguments> brokenManifests() {
        String file = "exercises/calc/exercise.json: ";
        return Stream.of(
                Arguments.of("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0", file + "\"timeoutMillis\" must be 1..60000, was 0"),
                Arguments.of("\"points\": 3", "\"points\": 0", file + "\"tests[0].points\" must be > 0, was 0.0"),
                Arguments.of("\"severity\": \"zero\"", "\"severity\": \"fatal\"",
                        file + "\"structure[0].severity\" must be one of \"warn\", \"deduct\", \"zero\", was \"fatal\""),
                Arguments.of("CalcHiddenTests#addsTwoNumbers", "CalcHiddenTests.addsTwoNumbers",
                        file + "\"tests[0].test\" must be written as fully.qualified.Class#method, was \"demo.calc.CalcHiddenTests.addsTwoNumbers\""),
                Arguments.of("#addsNegatives", "#addsTwoNumbers",
                        file + "\"tests[1].test\" is listed twice, was \"demo.calc.CalcHiddenTests#addsTwoNumbers\""),
                Arguments.of("\"id\": \"calc\"", "\"id\": \"calculator\"",
                        file + "\"id\" must equal the folder name \"calc\", was \"calculator\""),
                Arguments.of("\"title\": \"Adding", "\"titel\": \"Adding",
                        file + "unknown field \"titel\" — the known fields are allow, apiFamilies, id, manual, mutants, order, sandbox, structure, studentFiles, tests, timeoutMillis, title, visibility"),
                Arguments.of("\"timeoutMillis\": 5000", "\"allow\": [\"java.util.concurrent\"], \"timeoutMillis\": 5000",
                        file + "\"allow[0]\" must be written as " + ApiPattern.FORMS + ", was \"java.util.concurrent\""),
                Arguments.of("\"timeoutMillis\": 5000", "\"allow\": [\"java.nio.file.Files#\"], \"timeoutMillis\": 5000",
                        file + "\"allow[0]\" must be written as " + ApiPattern.FORMS + ", was \"java.nio.file.Files#\""),
                Arguments.of("\"timeoutMillis\": 5000", "\"allow\": [\"java.util.concurrent.*\", \"java.util.concurrent.*\"], \"timeoutMillis\": 5000",
                        file + "\"allow[1]\" is listed twice, was \"java.util.concurrent.*\""),
                Arguments.of("\"timeoutMillis\": 5000", "\"visibility\": \"later\", \"timeoutMillis\": 5000",
                        file + "\"visibility\" must be one of \"visible\", \"hidden\", \"after_due_date\", \"after_published\", was \"later\""),
                Arguments.of("\"points\": 2,", "\"points\": 2, \"visibility\": \"secret\",",
                        file + "\"tests[1].visibility\" must be one of \"visible\", \"hidden\", \"after_due_date\", \"after_published\", was \"secret\""),
                Arguments.of("\"timeoutMillis\": 5000", "\"order\": 0, \"timeoutMillis\": 5000",
                        file + "\"order\" must be 1..1000 (the exercise's place in the course), was 0"),
                Arguments.of("demo/calc/Calc.java", "demo/calc/Calculator.java",
                        file + "\"studentFiles\" lists \"demo/calc/Calculator.java\", but student-template/src/main/java/demo/calc/Calculator.java does not exist — add it or fix the path"),
                Arguments.of("\"off-by-one\"", "\"off-by-two\"",
                        file + "mutant \"off-by-two\" needs replacement .java files in exercises/calc/mutants/off-by-two/, found none"),
                Arguments.of("#addsNegatives\", \"points\": 2", "#addsZero\", \"points\": 2",
                        file + "\"tests\" does not list demo.calc.CalcHiddenTests#addsNegatives, a test method of exercises/calc/tests — add {\"test\": \"demo.calc.CalcHiddenTests#addsNegatives\", \"points\": ...}"),
                Arguments.of("\"points\": 3}", "\"points\": 3}, {\"test\": \"demo.calc.CalcHiddenTests#gone\", \"points\": 1}",
                        file + "\"tests\" lists demo.calc.CalcHiddenTests#gone, but exercises/calc/tests has no such @Test method — fix the name or remove the entry"),
                Arguments.of("\"points\": 5}", "\"points\": 5, \"answer\": {\"file\": \"docs/ANSWERS.md\"}}",
                        file + "\"manual[0].answer.file\" must be a file name without folders, like \"ANSWERS.md\" (letters, digits, '.', '_', '-'); the grader finds it wherever it sits in the submission, was \"docs/ANSWERS.md\""),
                Arguments.of("\"points\": 5}", "\"points\": 5, \"answer\": {\"file\": \"ANSWERS.md\", \"section\": \"`calc`\"}}",
                        file + "\"manual[0].answer.section\" must be the name the section's heading quotes in backticks, like \"vanishing-gradients\" (letters, digits, '.', '_', '-'); it defaults to the exercise id, was \"`calc`\""),
                Arguments.of("\"points\": 5}", "\"points\": 5, \"answer\": {\"file\": \"ANSWERS.md\", \"heading\": \"calc\"}}",
                        file + "unknown field \"manual[0].answer.heading\" — the known fields are file, section"),
                Arguments.of("\"points\": 5}", "\"points\": 5, \"answer\": \"ANSWERS.md\"}",
                        file + "\"manual[0].answer\" must be an object like {\"file\": \"ANSWERS.md\", \"section\": \"vanishing-gradients\"}, was \"ANSWERS.md\""),
                Arguments.of("\"points\": 5}", "\"points\": 5, \"answer\": {\"file\": \"ANSWERS.md\"}}",
                        file + "\"manual[0].answer.file\" names \"ANSWERS.md\", but student-template/ANSWERS.md does not exist — add it with a section headed `calc`, or fix the name"),
                Arguments.of("\"points\": 3}", "\"points\": \"three\"}",
                        file + "is not a valid manifest: Expected a double but was three at path $.tests[0].points — fix the JSON syntax or the value's type"));
    }

    @Test
    void listsExercisesByTheirPlaceThenById() throws Exception {
        Path second = TinyCourse.write(root.resolve("second"));
        assertEquals(OptionalInt.empty(), Course.load(second).exercises().get(0).order());
        List<String> real = Course.load(RepoCourse.root()).exercises().stream().map(Exercise::id).toList();
        assertEquals(List.of("chain-rule", "single-neuron", "losses-and-clipping", "mlp-gradient-check",
                "vanishing-gradients", "autograd"), real, "the lesson's order, from each manifest's \"order\"");
    }

    @Test
    void twoExercisesCannotShareAPlace() {
        TinyCourse.write(root);
        TinyCourse.file(root, "exercises/calc/exercise.json", TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000",
                "\"order\": 1, \"timeoutMillis\": 5000"));
        RepoCourse.copyTree(root.resolve("exercises/calc"), root.resolve("exercises/calc2"), false);
        TinyCourse.file(root, "exercises/calc2/exercise.json", TinyCourse.MANIFEST
                .replace("\"id\": \"calc\"", "\"id\": \"calc2\"")
                .replace("\"timeoutMillis\": 5000", "\"order\": 1, \"timeoutMillis\": 5000"));
        CourseException problem = assertThrows(CourseException.class, () -> Course.load(root));
        assertEquals("exercises/calc2/exercise.json: \"order\" 1 is already the place of exercise calc — give each "
                + "exercise its own place", problem.getMessage());
    }

    @Test
    void reportsAnInstructorCompileErrorWithFileAndLine() {
        TinyCourse.write(root);
        TinyCourse.file(root, "solutions/src/main/java/demo/calc/Calc.java",
                "package demo.calc;\npublic final class Calc { public static int add(int a, int b) { return a + } }\n");
        CourseException problem = assertThrows(CourseException.class, () -> Course.load(root));
        assertTrue(problem.getMessage().startsWith("cannot compile the solutions (solutions/src/main/java):\n"
                + "  solutions/src/main/java/demo/calc/Calc.java:2:"), problem.getMessage());
    }

    @Test
    void rejectsAFolderThatIsNotACourse() {
        CourseException problem = assertThrows(CourseException.class, () -> Course.load(root));
        assertTrue(problem.getMessage().contains("not a course"), problem.getMessage());
    }
}
