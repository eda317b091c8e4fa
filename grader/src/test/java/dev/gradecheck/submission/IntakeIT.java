package dev.gradecheck.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.platform.FileTrees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import dev.gradecheck.testing.RepoCourse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeIT {

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

    // --- Repositories that are links to another one: each would grade the grader's own repository (the target) ---

    @Test
    void refusesGitFileThatRedirectsToAnotherRepository() throws Exception {
        Target target = target();
        Path submission = Files.createDirectories(temp.resolve("student"));
        Files.writeString(submission.resolve(".git"), "gitdir: " + target.gitDirectory() + "\n");
        assertEquals(target.head(), rawCloneHead(submission), "the attack: plain git grades the target's commit");

        assertRefused(submission.toString(), Optional.of("HEAD"), "its .git is a file that points to another git"
                + " directory (\"gitdir: " + target.gitDirectory() + "\")");
        assertRefused(submission.toUri().toString(), Optional.empty(), "its .git is a file");
    }

    @Test
    void refusesGitFolderThatIsASymbolicLinkToAnotherRepository() throws Exception {
        Target target = target();
        Path submission = Files.createDirectories(temp.resolve("student"));
        Files.createSymbolicLink(submission.resolve(".git"), target.gitDirectory());
        assertEquals(target.head(), rawCloneHead(submission));

        assertRefused(submission.toString(), Optional.of("HEAD"), "its .git is a symbolic link to \""
                + target.gitDirectory() + "\"");
    }

    @Test
    void refusesAlternatesBorrowingObjectsOfAnotherRepository() throws Exception {
        Target target = target();
        Path bare = emptyBareRepository("student.git");
        Files.writeString(bare.resolve("objects/info/alternates"), target.commonDirectory().resolve("objects") + "\n");
        Files.writeString(bare.resolve("refs/heads/main"), target.head() + "\n");
        assertEquals(target.head(), rawCloneHead(bare));

        assertRefused(bare.toString(), Optional.empty(), "objects/info/alternates borrows objects from \""
                + target.commonDirectory().resolve("objects") + "\", outside the submission");
    }

    @Test
    void refusesRelativeAlternatesClimbingOutOfTheSubmission() throws Exception {
        Target target = target();
        Path bare = emptyBareRepository("student.git");
        String climb = bare.resolve("objects").relativize(target.commonDirectory().resolve("objects")).toString();
        Files.writeString(bare.resolve("objects/info/alternates"), "# borrowed\n" + climb + "\n");
        Files.writeString(bare.resolve("refs/heads/main"), target.head() + "\n");
        assertEquals(target.head(), rawCloneHead(bare));

        assertRefused(bare.toString(), Optional.empty(), "borrows objects from \"" + climb + "\", outside the submission");
    }

    @Test
    void refusesAlternatesInsideTheSubmissionThatBorrowFromOutside() throws Exception {
        Target target = target();
        Path bare = emptyBareRepository("student.git");
        Path relay = Files.createDirectories(bare.resolve("relay/objects/info"));
        Files.writeString(relay.resolve("alternates"), target.commonDirectory().resolve("objects") + "\n");
        Files.writeString(bare.resolve("objects/info/alternates"), "../relay/objects\n");
        Files.writeString(bare.resolve("refs/heads/main"), target.head() + "\n");
        assertEquals(target.head(), rawCloneHead(bare));

        assertRefused(bare.toString(), Optional.empty(), "relay/objects/info/alternates borrows objects from");
    }

    @Test
    void refusesCommonDirectoryOfAnotherRepository() throws Exception {
        Target target = target();
        Path linked = Files.createDirectories(temp.resolve("linked"));
        Files.createDirectories(linked.resolve("objects"));
        Files.createDirectories(linked.resolve("refs"));
        Files.writeString(linked.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(linked.resolve("commondir"), target.commonDirectory() + "\n");
        git(target.commonDirectory(), "rev-parse", "--verify", "refs/heads/main");
        assertEquals(git(target.commonDirectory(), "rev-parse", "refs/heads/main").strip(), rawCloneHead(linked));

        assertRefused(linked.toString(), Optional.empty(), "commondir names \"" + target.commonDirectory() + "\"");
    }

    @Test
    void refusesSymbolicLinkInsideTheGitDirectoryLeadingOut() throws Exception {
        Target target = target();
        Path submission = repository();
        commit(submission, "A.java", "class A {}");
        Path objects = submission.resolve(".git/objects");
        FileTrees.delete(objects);
        Files.createSymbolicLink(objects, target.commonDirectory().resolve("objects"));
        Files.writeString(submission.resolve(".git/refs/heads/main"), target.head() + "\n");
        assertEquals(target.head(), rawCloneHead(submission));

        assertRefused(submission.toString(), Optional.of("HEAD"), ".git/objects is a symbolic link to \""
                + target.commonDirectory().resolve("objects") + "\", outside the submission");
    }

    @Test
    void refusesFolderWithoutGitRatherThanCloningASiblingRepository() throws Exception {
        Path sibling = temp.resolve("student.git");
        git(temp, "clone", "-q", "--bare", target().commonDirectory().toString(), sibling.toString());
        Path plain = Files.createDirectories(temp.resolve("student"));
        Fixtures.write(plain, "A.java", "class A {}");
        assertEquals(git(sibling, "rev-parse", "HEAD").strip(), rawCloneHead(plain), "plain git picks student.git");

        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open(plain.toString(), Optional.of("HEAD")));

        assertTrue(refused.getMessage().startsWith(plain + " is not a git repository"), refused.getMessage());
        assertNothingCloned();
    }

    @Test
    void refusesFileUrlOfAnotherHost() {
        SubmissionException refused = assertThrows(SubmissionException.class,
                () -> intake.open("file://fileserver/srv/hw1", Optional.empty()));

        assertTrue(refused.getMessage().contains("is not a file: URL of a local repository"), refused.getMessage());
    }

    @Test
    void clonesFileUrlWithEscapedCharactersAsTheFolderItNames() throws Exception {
        Path repository = Files.createDirectories(temp.resolve("my work"));
        git(repository, "init", "-q", "-b", "main");
        String commit = commit(repository, "A.java", "class A {}");

        Submission submission = intake.open(repository.toUri().toString(), Optional.empty());

        assertTrue(repository.toUri().toString().contains("%20"));
        assertEquals(Optional.of(commit), submission.gitCommit());
        assertEquals(repository.toUri().toString(), submission.origin());
    }

    @Test
    void runsNoCommandTheSubmittedRepositoryConfigures() throws Exception {
        Path repository = repository();
        Fixtures.write(repository, ".gitattributes", "*.java filter=evil\n");
        String commit = commit(repository, "A.java", "class A {}");
        Path marker = temp.resolve("pwned");
        Path hooks = Files.createDirectories(repository.resolve(".git/evil-hooks"));
        for (String hook : List.of("post-checkout", "reference-transaction", "pre-upload", "post-index-change")) {
            Path script = Files.writeString(hooks.resolve(hook), "#!/bin/sh\ntouch '" + marker + "'\n");
            script.toFile().setExecutable(true);
        }
        Files.writeString(repository.resolve(".git/config"), "[core]\n\tfsmonitor = touch '" + marker + "'\n"
                + "\thooksPath = evil-hooks\n[filter \"evil\"]\n\tsmudge = touch '" + marker + "'\n"
                + "\tprocess = touch '" + marker + "'\n\trequired = true\n[uploadpack]\n\tpackObjectsHook = touch '"
                + marker + "'\n", StandardOpenOption.APPEND);

        Submission submission = intake.open(repository.toString(), Optional.of("HEAD"));

        assertEquals(Optional.of(commit), submission.gitCommit());
        assertEquals("class A {}", Files.readString(submission.root().resolve("A.java")));
        assertFalse(Files.exists(marker), "a command configured by the submission ran");
    }

    @Test
    void listsSymbolicLinkedFolderOnceWithoutWalkingIntoIt() throws Exception {
        Path folder = Fixtures.copy("submission/flat-folder", temp.resolve("upload"));
        Path solutions = RepoCourse.root().resolve("solutions/src/main/java");
        Files.createSymbolicLink(folder.resolve("borrowed"), solutions);

        Submission submission = intake.open(folder.toString(), Optional.empty());
        LocatedFiles located = StudentFileLocator.locate(submission, java.util.Set.of("backprop/chainrule/ChainRule.java"));

        assertEquals(List.of("GradientCheck.java", "Mlp.java", "borrowed"), Fixtures.paths(submission));
        assertTrue(located.ignored().contains(new IgnoredFile("borrowed", IgnoreRules.SYMBOLIC_LINK)), located.ignored().toString());
        assertFalse(located.found().containsKey("backprop/chainrule/ChainRule.java"));
    }

    /** The repository a redirect aims at: the grader's own, or a stand-in when the tests run outside a checkout. */
    private record Target(Path gitDirectory, Path commonDirectory, String head) {
    }

    private Target target() throws Exception {
        Path own = Path.of("").toAbsolutePath();
        try {
            Path gitDirectory = Path.of(git(own, "rev-parse", "--absolute-git-dir").strip());
            Path common = Path.of(git(own, "rev-parse", "--path-format=absolute", "--git-common-dir").strip());
            return new Target(gitDirectory, common, git(own, "rev-parse", "HEAD").strip());
        } catch (AssertionError notACheckout) {
            Path instructor = Files.createDirectories(temp.resolve("instructor"));
            git(instructor, "init", "-q", "-b", "main");
            String head = commit(instructor, "Solution.java", "class Solution {}");
            return new Target(instructor.resolve(".git"), instructor.resolve(".git"), head);
        }
    }

    private void assertRefused(String submission, Optional<String> ref, String what) throws IOException {
        SubmissionException refused = assertThrows(SubmissionException.class, () -> intake.open(submission, ref));

        assertTrue(refused.getMessage().startsWith(submission + " is not a repository of its own: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(what), refused.getMessage());
        assertTrue(refused.getMessage().contains("submit the repository itself, not a link to another one"),
                refused.getMessage());
        assertNothingCloned();
    }

    /** Not one file of the other repository was copied: git never ran. */
    private void assertNothingCloned() throws IOException {
        assertEquals(0, folderSize(temp.resolve("scratch")));
        if (Files.exists(temp.resolve("scratch"))) {
            try (Stream<Path> walk = Files.walk(temp.resolve("scratch"))) {
                assertEquals(List.of(temp.resolve("scratch")), walk.toList());
            }
        }
    }

    /** What plain git, as the intake ran it before it checked repositories, clones for {@code source}: the HEAD. */
    private String rawCloneHead(Path source) throws Exception {
        Path clone = temp.resolve("raw-" + System.nanoTime());
        git(temp, "clone", "-q", "--no-checkout", "--no-local", "--template=", "--", source.toString(), clone.toString());
        String head = git(clone, "rev-parse", "HEAD").strip();
        FileTrees.delete(clone);
        return head;
    }

    private Path emptyBareRepository(String name) throws Exception {
        Path bare = temp.resolve(name);
        git(temp, "init", "-q", "--bare", "-b", "main", bare.toString());
        Files.createDirectories(bare.resolve("objects/info"));
        return bare;
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
