package dev.gradecheck.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentFileLocatorTests {

    private static final Set<String> STUDENT_FILES = Set.of("backprop/mlp/Mlp.java", "backprop/gradcheck/GradientCheck.java");
    private static final Set<String> PROVIDED_FILES = Set.of("backprop/linalg/Matrix.java");

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "template-copy, src/main/java/backprop/mlp/Mlp.java, src/main/java/backprop/gradcheck/GradientCheck.java",
        "flat-folder,   Mlp.java,                             GradientCheck.java",
        "odd-places,    my work/final/Mlp (1).java,           misc/deep/er/GradientCheck.java"})
    void locatesFilesByPackageAndClassWhereverTheySit(String fixture, String mlp, String gradientCheck) {
        LocatedFiles located = locate(Fixtures.copy("submission/" + fixture, temp.resolve(fixture)));

        assertEquals(List.of("backprop/gradcheck/GradientCheck.java", "backprop/mlp/Mlp.java"),
                List.copyOf(located.found().keySet()));
        assertEquals(mlp, located.found().get("backprop/mlp/Mlp.java").submissionPath());
        assertEquals(gradientCheck, located.found().get("backprop/gradcheck/GradientCheck.java").submissionPath());
        assertEquals(List.of(), located.findings());
    }

    @Test
    void recordsTextAndSha256OfTheBytes() throws Exception {
        Path root = Fixtures.copy("submission/flat-folder", temp.resolve("flat"));

        StudentSource mlp = locate(root).found().get("backprop/mlp/Mlp.java");

        byte[] bytes = Files.readAllBytes(root.resolve("Mlp.java"));
        assertEquals(new String(bytes, StandardCharsets.UTF_8), mlp.text());
        assertEquals(SourceFile.sha256(bytes), mlp.sha256());
        assertEquals(64, mlp.sha256().length());
        assertEquals("backprop.mlp.Mlp", mlp.className());
    }

    @Test
    void listsEverythingElseAsIgnoredWithReason() {
        LocatedFiles located = locate(Fixtures.copy("submission/template-copy", temp.resolve("copy")));

        assertEquals(List.of(
                new IgnoredFile("README.md", IgnoreRules.OTHER_FILE),
                new IgnoredFile("pom.xml", IgnoreRules.BUILD_FILE),
                new IgnoredFile("src/main/java/backprop/linalg/Matrix.java",
                        "provided class: the instructor's copy of backprop/linalg/Matrix.java is used"),
                new IgnoredFile("src/test/java/backprop/mlp/MlpTest.java", IgnoreRules.TEST_SOURCE)), located.ignored());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "META-INF/services/org.junit.platform.engine.TestEngine | META-INF: service registrations and manifests in a submission are never used",
        "src/main/resources/META-INF/MANIFEST.MF                | META-INF: service registrations and manifests in a submission are never used",
        "src/test/resources/junit-platform.properties           | JUnit configuration: the grader uses its own",
        "target/classes/backprop/mlp/Mlp.class                  | compiled code: the grader compiles your sources itself",
        "lib/evil.jar                                           | compiled code: the grader compiles your sources itself",
        "build.gradle                                           | build file: the grader builds your sources itself",
        ".mvn/wrapper/maven-wrapper.properties                  | build file: the grader builds your sources itself",
        "src/main/resources/weights.csv                         | resource: not used by the grader",
        "docs/notes.md                                          | not a Java source: not used by the grader",
        "src/main/java/backprop/extra/Helper.java               | Java source that is not a student file of any exercise",
        "src/test/java/backprop/mlp/MlpExtraTests.java          | test source: the grader runs its own hidden tests",
        "GradientCheckTest.java                                 | test source: the grader runs its own hidden tests"})
    void ignoresFileWithReason(String path, String reason) {
        Path root = Fixtures.copy("submission/flat-folder", temp.resolve("flat"));
        String simpleName = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
        Fixtures.write(root, path, "package backprop.extra;\nclass " + simpleName + " {}\n");

        LocatedFiles located = locate(root);

        assertTrue(located.ignored().contains(new IgnoredFile(path, reason)), located.ignored().toString());
        assertEquals(2, located.found().size());
    }

    @Test
    void readsTheWrittenAnswersInsteadOfListingThemAsNotUsed() {
        Path root = Fixtures.copy("submission/flat-folder", temp.resolve("flat"));
        Fixtures.write(root, "ANSWERS.md", "## `vanishing-gradients`\n\nThe factor is at most 1/4.\n");

        LocatedFiles located = locate(root);

        assertEquals(List.of(), located.ignored());
        assertEquals(new AnswerFile.Read("ANSWERS.md", "## `vanishing-gradients`\n\nThe factor is at most 1/4.\n", 0,
                false), located.answer("ANSWERS.md"));
    }

    @Test
    void withoutAnAnswerFileTheAnswersAreMissing() {
        LocatedFiles located = locate(Fixtures.copy("submission/flat-folder", temp.resolve("flat")));

        assertEquals(new AnswerFile.Missing(), located.answer("ANSWERS.md"));
    }

    @Test
    void neverFollowsSymbolicLinks() throws Exception {
        Path root = Fixtures.copy("submission/flat-folder", temp.resolve("flat"));
        Files.createSymbolicLink(root.resolve("Secret.java"), Path.of("/etc/passwd"));

        LocatedFiles located = locate(root);

        assertTrue(located.ignored().contains(new IgnoredFile("Secret.java", IgnoreRules.SYMBOLIC_LINK)));
        Files.delete(root.resolve("Secret.java"));
    }

    @Test
    void reportsMissingFileWithWhatToDeclare() {
        Path root = temp.resolve("only-mlp");
        Fixtures.write(root, "Mlp.java", Fixtures.text("submission/flat-folder/Mlp.java.txt"));

        LocatedFiles located = locate(root);

        assertEquals(List.of(Finding.zero("missing-file",
                Location.of("src/main/java/backprop/gradcheck/GradientCheck.java"),
                "backprop/gradcheck/GradientCheck.java not found: expected a file declaring `package backprop.gradcheck;`"
                        + " and `class GradientCheck` (any file name, anywhere in the submission)",
                "Submit your GradientCheck.java, e.g. at src/main/java/backprop/gradcheck/GradientCheck.java.")),
                located.findings());
        assertFalse(located.found().containsKey("backprop/gradcheck/GradientCheck.java"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "package backprop.MLP; public class Mlp {}  | Mlp.java declares class Mlp in package backprop.MLP: change its package line to `package backprop.mlp;`.",
        "public class Mlp {}                        | Mlp.java declares class Mlp without a package line: add `package backprop.mlp;` as its first line.",
        "package backprop.mlp; public class MLP {}  | Mlp.java declares `MLP`; did you mean `Mlp`? Rename the class (and the file) to Mlp (Java names are case-sensitive).",
        "package backprop.mlp; public class Mpl {}  | Mlp.java declares `Mpl`; did you mean `Mlp`? Rename the class (and the file) to Mlp.",
        "package other; class Network {}            | Mlp.java declares other.Network, not class Mlp."})
    void hintsAtNearMissOfMissingFile(String text, String hint) {
        Path root = temp.resolve("near-miss");
        Fixtures.write(root, "Mlp.java", text);
        Fixtures.write(root, "GradientCheck.java", Fixtures.text("submission/flat-folder/GradientCheck.java.txt"));

        LocatedFiles located = locate(root);

        Finding missing = located.findings().get(0);
        assertEquals("missing-file", missing.rule());
        assertEquals(Location.of("Mlp.java"), missing.location());
        assertEquals(hint, missing.hint());
    }

    @Test
    void takesConventionalPathOfDuplicateAndWarns() {
        Path root = Fixtures.copy("submission/template-copy", temp.resolve("copy"));
        Fixtures.write(root, "Mlp.java", Fixtures.text("submission/flat-folder/Mlp.java.txt"));
        Fixtures.write(root, "old/backup/Mlp.java", Fixtures.text("submission/flat-folder/Mlp.java.txt"));

        LocatedFiles located = locate(root);

        assertEquals("src/main/java/backprop/mlp/Mlp.java", located.found().get("backprop/mlp/Mlp.java").submissionPath());
        assertEquals(List.of(Finding.warn("duplicate-file", Location.of("src/main/java/backprop/mlp/Mlp.java"),
                "backprop.mlp.Mlp (backprop/mlp/Mlp.java) is declared in 3 files; src/main/java/backprop/mlp/Mlp.java was"
                        + " graded, not Mlp.java, old/backup/Mlp.java",
                "Delete the other copies so that you know which file is graded.")), located.findings());
        assertTrue(located.ignored().contains(new IgnoredFile("old/backup/Mlp.java",
                "duplicate: src/main/java/backprop/mlp/Mlp.java also declares backprop.mlp.Mlp and was graded instead")));
    }

    @Test
    void locatesFileWithSyntaxError() {
        LocatedFiles located = locate(Fixtures.copy("submission/syntax-error", temp.resolve("broken")));

        assertEquals("Mlp.java", located.found().get("backprop/mlp/Mlp.java").submissionPath());
    }

    @Test
    void stripsByteOrderMarkAndWarns() {
        Path root = temp.resolve("bom");
        byte[] text = "package backprop.mlp;\npublic class Mlp {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Fixtures.write(root, "Mlp.java", withBom);

        LocatedFiles located = locate(root);

        assertEquals("package backprop.mlp;\npublic class Mlp {}\n", located.found().get("backprop/mlp/Mlp.java").text());
        Finding warning = onlyFindingAbout("Mlp.java", located);
        assertEquals(Severity.WARN, warning.severity());
        assertEquals("unreadable-source", warning.rule());
        assertTrue(warning.message().contains("byte-order mark"), warning.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latin-1  | is not valid UTF-8: line 3 holds the byte 0xE9",
        "utf-16   | is saved as UTF-16",
        "huge     | is 614,400 bytes; a student file may have at most 524,288",
        "nested   | nests brackets 10,002 levels deep at line 3; the limit is 256",
        "chained  | chains 100,000 operators in one expression (ending at line 3); the limit is 2,000"})
    void reportsUnreadableSourceWithoutGradingIt(String kind, String expected) {
        Path root = temp.resolve(kind);
        Fixtures.write(root, "Mlp.java", hostile(kind));

        LocatedFiles located = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> locate(root));

        Finding finding = onlyFindingAbout("Mlp.java", located);
        assertEquals("unreadable-source", finding.rule());
        assertEquals(Severity.ZERO, finding.severity());
        assertTrue(finding.message().startsWith("Mlp.java (student file backprop/mlp/Mlp.java) " + expected),
                finding.message());
        assertFalse(located.found().containsKey("backprop/mlp/Mlp.java"));
    }

    @Test
    void givesEqualResultsEveryTime() {
        Path root = Fixtures.copy("submission/template-copy", temp.resolve("copy"));
        Fixtures.write(root, "extra/Mlp.java", Fixtures.text("submission/flat-folder/Mlp.java.txt"));

        assertEquals(locate(root), locate(root));
    }

    private static byte[] hostile(String kind) {
        String head = "package backprop.mlp;\npublic class Mlp {\n";
        return switch (kind) {
            case "latin-1" -> (head + "    // r\u00e9seau de neurones\n}\n").getBytes(StandardCharsets.ISO_8859_1);
            case "utf-16" -> (head + "}\n").getBytes(StandardCharsets.UTF_16);
            case "huge" -> (head + "    // " + "x".repeat(600 * 1024 - head.length() - 10) + "\n}\n").getBytes(StandardCharsets.UTF_8);
            case "nested" -> (head + "  double f() { return " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "; }\n}\n")
                    .getBytes(StandardCharsets.UTF_8);
            case "chained" -> (head + "  double f() { return 1" + "+1".repeat(100_000) + "; }\n}\n")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void aFindingGoesToTheDeclaredFileItIsAboutNotToTheFileItPointsAt() {
        Path root = temp.resolve("misplaced");
        Fixtures.write(root, "src/main/java/backprop/gradcheck/GradientCheck.java",
                Fixtures.text("submission/flat-folder/GradientCheck.java.txt"));
        // Named like the other exercise's file, declaring the missing class in the wrong package: the near miss.
        Fixtures.write(root, "misc/GradientCheck.java", "package wrong; public class Mlp {}\n");

        LocatedFiles located = locate(root);

        Finding missing = onlyFindingAbout("misc/GradientCheck.java", located);
        assertEquals("missing-file", missing.rule());
        assertEquals(List.of(missing), located.findingsAbout(List.of("backprop/mlp/Mlp.java")));
        assertEquals(List.of(), located.findingsAbout(List.of("backprop/gradcheck/GradientCheck.java")),
                "a finding about Mlp.java located at a file named GradientCheck.java");
    }

    private static Finding onlyFindingAbout(String file, LocatedFiles located) {
        List<Finding> about = located.findings().stream().filter(finding -> finding.location().file().equals(file)).toList();
        assertEquals(1, about.size(), about.toString());
        return about.get(0);
    }

    private LocatedFiles locate(Path root) {
        try {
            Submission submission = Intake.create(temp.resolve("scratch")).open(root.toString(), Optional.empty());
            return StudentFileLocator.locate(submission, STUDENT_FILES, PROVIDED_FILES, Set.of("ANSWERS.md"));
        } catch (SubmissionException e) {
            throw new AssertionError(e);
        }
    }
}
