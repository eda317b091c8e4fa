package dev.gradecheck.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.platform.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student does first: copy {@code student-template/} alone into an empty folder and run {@code mvn test}.
 * It must build without the parent POM or anything else of this repository, and its public tests must fail on the
 * stubs with TODO messages (never an NPE, never a hang).
 */
class StudentTemplateStandaloneIT {

    private static final Path TEMPLATE = Path.of("..", "student-template").toAbsolutePath().normalize();
    private static final Pattern SUMMARY = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)\\s*$",
            Pattern.MULTILINE);

    @TempDir
    Path emptyFolder;

    @Test
    void templateBuildsAloneAndItsPublicTestsFailWithTodoMessages() throws Exception {
        Path copy = emptyFolder.resolve("my-backprop");
        copyTree(TEMPLATE, copy);

        Process maven = new ProcessBuilder("mvn", "-B", "test")
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(emptyFolder.resolve("mvn.log").toFile())
                .start();
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "mvn test in a copy of the template did not finish within 5 minutes");
        String log = Files.readString(emptyFolder.resolve("mvn.log"), StandardCharsets.UTF_8);

        assertNotEquals(0, maven.exitValue(), "the public tests must fail on the stubs, by design");
        assertFalse(log.contains("COMPILATION ERROR"), "the template must compile on its own:\n" + log);
        assertFalse(log.contains("NullPointerException"), "a stub must fail with its TODO message, not an NPE:\n" + log);
        Matcher total = lastSummary(log);
        int run = Integer.parseInt(total.group(1));
        int failedOrErrored = Integer.parseInt(total.group(2)) + Integer.parseInt(total.group(3));
        assertTrue(run > 0, "no public test ran:\n" + log);
        assertEquals(run, failedOrErrored, "every public test must fail on the stubs:\n" + log);
        assertTrue(log.contains("TODO: implement"), "failures must carry the stubs' TODO messages:\n" + log);
    }

    private static Matcher lastSummary(String log) {
        Matcher matcher = SUMMARY.matcher(log);
        Matcher last = null;
        while (matcher.find()) {
            last = SUMMARY.matcher(log);
            last.find(matcher.start());
        }
        assertTrue(last != null, "no surefire summary in the Maven output:\n" + log);
        return last;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        FileTrees.copy(from, to, relative -> !relative.startsWith("target"));
    }
}
