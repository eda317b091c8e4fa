package dev.gradecheck.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeTests {

    @TempDir
    Path temp;

    private Intake intake;

    @BeforeEach
    void createIntake() {
        intake = Intake.create(temp.resolve("scratch"));
    }

    @Test
    void opensFolderInPlaceWithSortedFiles() throws Exception {
        Path folder = Fixtures.copy("submission/template-copy", temp.resolve("student"));

        Submission submission = intake.open(folder.toString(), Optional.empty());

        assertEquals(folder.toAbsolutePath().normalize(), submission.root());
        assertEquals(Optional.empty(), submission.gitCommit());
        assertEquals(List.of("README.md", "pom.xml", "src/main/java/backprop/gradcheck/GradientCheck.java",
                "src/main/java/backprop/linalg/Matrix.java", "src/main/java/backprop/mlp/Mlp.java",
                "src/test/java/backprop/mlp/MlpTest.java"), Fixtures.paths(submission));
    }

    @Test
    void opensFlatFolderOfSources() throws Exception {
        Path folder = Fixtures.copy("submission/flat-folder", temp.resolve("upload"));

        Submission submission = intake.open(folder.toString(), Optional.empty());

        assertEquals(List.of("GradientCheck.java", "Mlp.java"), Fixtures.paths(submission));
    }

    @Test
    void leavesOutTheGitFolder() throws Exception {
        Path folder = Fixtures.copy("submission/flat-folder", temp.resolve("upload"));
        Fixtures.write(folder, ".git/config", "[core]\n");

        Submission submission = intake.open(folder.toString(), Optional.empty());

        assertEquals(List.of("GradientCheck.java", "Mlp.java"), Fixtures.paths(submission));
    }

    @Test
    void extractsZipIntoScratch() throws Exception {
        Path zip = zip(temp.resolve("submission.zip"), Map.of(
                "project/src/main/java/backprop/mlp/Mlp.java", "package backprop.mlp; class Mlp {}",
                "project/README.md", "hello"));

        Submission submission = intake.open(zip.toString(), Optional.empty());

        assertTrue(submission.root().startsWith(temp.resolve("scratch")));
        assertEquals(List.of("project/README.md", "project/src/main/java/backprop/mlp/Mlp.java"), Fixtures.paths(submission));
        assertEquals("package backprop.mlp; class Mlp {}",
                Files.readString(submission.root().resolve("project/src/main/java/backprop/mlp/Mlp.java")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.java", "a/../../evil.java", "/tmp/evil.java", "..\\evil.java", "C:/evil.java"})
    void refusesZipSlip(String entry) throws Exception {
        Path zip = zip(temp.resolve("slip.zip"), Map.of(entry, "pwned", "ok.txt", "fine"));

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(zip.toString(), Optional.empty()));

        assertTrue(refused.getMessage().contains("would be written outside the submission folder"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("evil.java")));
        assertFalse(Files.exists(temp.resolve("scratch/evil.java")));
    }

    @Test
    void refusesZipBombEarly() throws Exception {
        Path zip = temp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            out.putNextEntry(new ZipEntry("zeros.java"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }

        SubmissionException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SubmissionException.class, () -> intake.open(zip.toString(), Optional.empty())));

        assertTrue(refused.getMessage().contains("zip bomb"), refused.getMessage());
        assertTrue(folderSize(temp.resolve("scratch")) < 20L * 1024 * 1024, "extraction stopped early");
    }

    @Test
    void refusesZipWithTooManyEntries() throws Exception {
        Path zip = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            out.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i <= ZipExtractor.MAX_ENTRIES; i++) {
                ZipEntry empty = new ZipEntry("f" + i + ".txt");
                empty.setSize(0);
                empty.setCrc(0);
                out.putNextEntry(empty);
                out.closeEntry();
            }
        }

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(zip.toString(), Optional.empty()));

        assertTrue(refused.getMessage().contains("10001 entries"), refused.getMessage());
    }

    @Test
    void explainsUnreadableZip() throws Exception {
        Path zip = Files.writeString(temp.resolve("broken.zip"), "this is not a zip archive");

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(zip.toString(), Optional.empty()));

        assertTrue(refused.getMessage().contains("is not a readable zip archive"), refused.getMessage());
        assertTrue(refused.getMessage().contains("re-create it"), refused.getMessage());
    }

    @Test
    void explainsMissingPath() {
        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(temp.resolve("nowhere").toString(), Optional.empty()));

        assertTrue(refused.getMessage().startsWith("Submission not found: " + temp.resolve("nowhere")), refused.getMessage());
        assertTrue(refused.getMessage().contains("check the path"), refused.getMessage());
    }

    @Test
    void refusesRemoteUrls() {
        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open("https://example.com/student.git", Optional.empty()));

        assertTrue(refused.getMessage().contains("Only local submissions"), refused.getMessage());
    }

    @Test
    void checksOutGitRefAndRecordsItsCommit() throws Exception {
        Path repository = repository();
        String first = commit(repository, "backprop/mlp/Mlp.java", "package backprop.mlp; class Mlp { int v = 1; }");
        git(repository, "tag", "v1");
        String second = commit(repository, "backprop/mlp/Mlp.java", "package backprop.mlp; class Mlp { int v = 2; }");

        Submission tagged = intake.open(repository.toString(), Optional.of("v1"));
        Submission head = intake.open(repository.toUri().toString(), Optional.empty());
        Submission byCommit = intake.open(repository.toString(), Optional.of(first.substring(0, 10)));

        assertEquals(Optional.of(first), tagged.gitCommit());
        assertTrue(Files.readString(tagged.root().resolve("backprop/mlp/Mlp.java")).contains("v = 1"));
        assertEquals(Optional.of(second), head.gitCommit());
        assertTrue(Files.readString(head.root().resolve("backprop/mlp/Mlp.java")).contains("v = 2"));
        assertEquals(Optional.of(first), byCommit.gitCommit());
        assertEquals(List.of("backprop/mlp/Mlp.java"), Fixtures.paths(head));
    }

    @Test
    void checksOutBranchOfGitRepository() throws Exception {
        Path repository = repository();
        commit(repository, "A.java", "class A {}");
        git(repository, "checkout", "-q", "-b", "feature");
        String feature = commit(repository, "B.java", "class B {}");
        git(repository, "checkout", "-q", "main");

        Submission submission = intake.open(repository.toString(), Optional.of("feature"));

        assertEquals(Optional.of(feature), submission.gitCommit());
        assertEquals(List.of("A.java", "B.java"), Fixtures.paths(submission));
    }

    @Test
    void explainsUnknownGitRef() throws Exception {
        Path repository = repository();
        commit(repository, "A.java", "class A {}");

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(repository.toString(), Optional.of("no-such-branch")));

        assertTrue(refused.getMessage().startsWith("ref \"no-such-branch\" not found in " + repository),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("git branch -a"), refused.getMessage());
    }

    @Test
    void explainsFolderThatIsNotAGitRepository() throws Exception {
        Path folder = Fixtures.copy("submission/flat-folder", temp.resolve("plain"));

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(folder.toString(), Optional.of("main")));

        assertTrue(refused.getMessage().contains("is not a git repository"), refused.getMessage());
    }

    @Test
    void refusesRefThatLooksLikeAnOption() throws Exception {
        Path repository = repository();
        commit(repository, "A.java", "class A {}");

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(repository.toString(), Optional.of("--upload-pack=touch /tmp/pwned")));

        assertTrue(refused.getMessage().contains("is not a valid git ref"), refused.getMessage());
    }

    @Test
    void checksOutSymbolicLinksAsPlainFiles() throws Exception {
        Path repository = repository();
        Files.createSymbolicLink(repository.resolve("leak.java"), Path.of("/etc/passwd"));
        commit(repository, "A.java", "class A {}");

        Submission submission = intake.open(repository.toString(), Optional.of("HEAD"));

        Path leak = submission.root().resolve("leak.java");
        assertFalse(Files.isSymbolicLink(leak));
        assertEquals("/etc/passwd", Files.readString(leak));
        Files.delete(repository.resolve("leak.java"));
    }

    @Test
    void clonesBareRepositoryWithoutRef() throws Exception {
        Path repository = repository();
        String commit = commit(repository, "A.java", "class A {}");
        Path bare = temp.resolve("bare.git");
        git(temp, "clone", "-q", "--bare", repository.toString(), bare.toString());

        Submission submission = intake.open(bare.toString(), Optional.empty());

        assertEquals(Optional.of(commit), submission.gitCommit());
        assertEquals(List.of("A.java"), Fixtures.paths(submission));
    }

    private Path repository() throws Exception {
        Path repository = Files.createDirectories(temp.resolve("repository"));
        git(repository, "init", "-q", "-b", "main");
        return repository;
    }

    private static String commit(Path repository, String file, String text) throws Exception {
        Fixtures.write(repository, file, text);
        git(repository, "add", "-A");
        git(repository, "commit", "-q", "-m", "work on " + file);
        return git(repository, "rev-parse", "HEAD").strip();
    }

    private static String git(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Student", "-c", "user.email=s@example.com",
                "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static Path zip(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static long folderSize(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
