package dev.gradecheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-exercise course written to disk for fast course-loading tests: provided {@code demo.calc.Numbers}, student file
 * {@code demo/calc/Calc.java}, two hidden tests, one mutant.
 */
public final class TinyCourse {

    public static final String MANIFEST = """
            {
              "id": "calc",
              "title": "Adding with a helper",
              "studentFiles": ["demo/calc/Calc.java"],
              "timeoutMillis": 5000,
              "tests": [
                {"test": "demo.calc.CalcHiddenTests#addsTwoNumbers", "points": 3},
                {"test": "demo.calc.CalcHiddenTests#addsNegatives", "points": 2, "timeoutMillis": 2000}
              ],
              "manual": [{"id": "essay", "title": "Why addition commutes", "points": 5}],
              "structure": [{"rule": "forbidden-api", "severity": "zero"}],
              "mutants": [{"code": "off-by-one", "summary": "adds one too many"}]
            }
            """;

    private TinyCourse() {
    }

    /** Writes the course into {@code root} and returns it. */
    public static Path write(Path root) {
        file(root, "student-template/src/main/java/demo/calc/Numbers.java", """
                package demo.calc;
                public final class Numbers { private Numbers() {} public static int plus(int a, int b) { return a + b; } }
                """);
        file(root, "student-template/src/main/java/demo/calc/Calc.java", """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) { throw new UnsupportedOperationException("TODO: implement Calc.add"); } }
                """);
        file(root, "solutions/src/main/java/demo/calc/Calc.java", """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) { return Numbers.plus(a, b); } }
                """);
        file(root, "exercises/calc/exercise.json", MANIFEST);
        file(root, "exercises/calc/tests/demo/calc/CalcHiddenTests.java", """
                package demo.calc;
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;
                class CalcHiddenTests {
                    @Test void addsTwoNumbers() { assertEquals(5, Calc.add(2, 3)); }
                    @Test void addsNegatives() { assertEquals(-5, Calc.add(-2, -3)); }
                }
                """);
        file(root, "exercises/calc/mutants/off-by-one/Calc.java", """
                package demo.calc;
                public final class Calc { public static int add(int a, int b) { return a + b + 1; } }
                """);
        return root;
    }

    /** Writes (or overwrites) one file of the course. */
    public static void file(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
