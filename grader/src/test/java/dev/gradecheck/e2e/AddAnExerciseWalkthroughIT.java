package dev.gradecheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows {@code docs/add-an-exercise.md} to the letter on a copy of the repository (without {@code target/},
 * {@code out/} and {@code .git}): writes every file the page shows, adds its row to the template's table, then runs
 * the grader's {@code verify} for the new exercise and the Maven build of the solutions and hidden tests. The one slow
 * test of the course's own checks: about a minute on a 2-core machine, most of it Maven.
 */
class AddAnExerciseWalkthroughIT {

    private static final Pattern FILE = Pattern.compile("(?m)^File `([^`]+)`:\\n\\n```[a-z]*\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("(?s)## 5\\..*?```markdown\\n(\\| \\d+ \\|[^\\n]*)\\n```");
    private static final Set<String> SKIPPED = Set.of("target", "out", ".git");

    @TempDir
    Path folder;

    @Test
    void theWalkthroughAddsAnExerciseThatVerifiesAndBuildsWithNoOtherChange() throws Exception {
        Path copy = folder.resolve("course");
        copyRepository(RepoCourse.root(), copy);
        String walkthrough = Files.readString(copy.resolve("docs/add-an-exercise.md"));

        List<String> written = writeTheFiles(walkthrough, copy);
        assertEquals(List.of("exercises/dot-product/exercise.json", "exercises/dot-product/README.md",
                "exercises/dot-product/tests/backprop/dot/DotHiddenTests.java",
                "student-template/src/main/java/backprop/dot/Dot.java", "solutions/src/main/java/backprop/dot/Dot.java"),
                written);
        addTheTableRow(walkthrough, copy.resolve("student-template/README.md"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExitCode verified = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "--course", copy.toString(), "verify", "--exercise", "dot-product");
        assertEquals(ExitCode.OK, verified, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("dot-product"), out.toString(StandardCharsets.UTF_8));

        Process maven = new ProcessBuilder("mvn", "-q", "-o", "-pl", "solutions,exercises", "-am", "test")
                .directory(copy.toFile()).redirectErrorStream(true).start();
        String log = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), log);
        assertEquals(0, maven.exitValue(), log);
        assertTrue(Files.isRegularFile(copy.resolve("exercises/target/test-classes/backprop/dot/DotHiddenTests.class")),
                "the new exercise's hidden tests were built and run by the exercises module");
    }

    /** Every "File `path`:" block of the page, written into the copy; the paths in the page's order. */
    private static List<String> writeTheFiles(String walkthrough, Path copy) throws IOException {
        List<String> written = new ArrayList<>();
        Matcher file = FILE.matcher(walkthrough);
        while (file.find()) {
            Path target = copy.resolve(file.group(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.group(2));
            written.add(file.group(1));
        }
        return written;
    }

    /** The page's row goes after the table's last exercise row; its points go into the total row. */
    private static void addTheTableRow(String walkthrough, Path readme) throws IOException {
        Matcher row = ROW.matcher(walkthrough);
        assertTrue(row.find(), "section 5 of the walkthrough shows the row to add");
        String newRow = row.group(1);
        double points = Double.parseDouble(newRow.split("\\|")[3].trim());
        List<String> lines = new ArrayList<>(Files.readAllLines(readme));
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\| \\d+ \\| .*")) {
                last = i;
            }
            Matcher total = Pattern.compile("^(\\|\\s*\\| \\*\\*total\\*\\* \\| \\*\\*)(\\d+)(\\*\\*.*)$").matcher(lines.get(i));
            if (total.matches()) {
                lines.set(i, total.group(1) + (int) (Integer.parseInt(total.group(2)) + points) + total.group(3));
            }
        }
        assertTrue(last >= 0, readme + " has a table of exercises");
        lines.add(last + 1, newRow);
        Files.write(readme, lines);
    }

    private static void copyRepository(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(path -> !skipped(from.relativize(path))).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path)) {
                    Files.copy(path, target);
                }
            }
        }
        // The course file names the toolkit's classes as a test library: build output, but part of the course.
        dev.gradecheck.platform.FileTrees.copy(from.resolve("toolkit/target/classes"), to.resolve("toolkit/target/classes"));
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
