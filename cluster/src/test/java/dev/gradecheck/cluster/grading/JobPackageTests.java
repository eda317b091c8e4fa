package dev.gradecheck.cluster.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobPackageTests {

    @TempDir
    Path temp;

    @Test
    void aFoldersLinksTravelByPathAloneAndComeBackAsDanglingLinks() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("student/backprop/autograd"));
        Files.writeString(folder.resolve("Value.java"), "class Value {}");
        Files.createSymbolicLink(folder.resolve("Secret.java"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(temp.resolve("student/solutions"), temp.resolve("student/backprop"));
        Path root = temp.resolve("student");

        JobPackage.Packed packed = JobPackage.zipFolder(root);
        assertEquals(List.of("backprop/autograd/Secret.java", "solutions"), packed.links());
        JobPackage.Contents contents = JobPackage.unpack(JobPackage.pack(List.of("autograd"), packed), 1 << 20);
        assertEquals(packed.links(), contents.links());
        assertFalse(new String(contents.submissionZip(), StandardCharsets.ISO_8859_1).contains("root:"),
                "a link's target is never read");

        Path worker = Files.createDirectories(temp.resolve("worker/backprop/autograd"));
        JobPackage.placeLinks(temp.resolve("worker"), contents.links());
        Path link = worker.resolve("Secret.java");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of(JobPackage.LINK_TARGET), Files.readSymbolicLink(link));
        assertFalse(Files.exists(link), "the stand-in link leads nowhere");
        assertTrue(Files.isSymbolicLink(temp.resolve("worker/solutions")));
    }

    @Test
    void aJobOfACoordinatorThatSentNoLinksHasNone() throws IOException {
        byte[] job = JobPackage.pack(List.of("autograd"), JobPackage.zipFile(Files.write(temp.resolve("s.zip"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})));
        assertEquals(List.of(), JobPackage.unpack(job, 1 << 20).links());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "/etc/passwd", "a/../../b", "a//b", "./a", "", "a\\..\\b", "file/below",
            "folder-link/x", "file"})
    void aLinkPathThatIsNotPlainOrClashesIsRefusedAndNothingOutsideIsMade(String path) throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.writeString(root.resolve("file"), "x");
        Files.createSymbolicLink(root.resolve("folder-link"), temp);
        IOException refused = assertThrows(IOException.class, () -> JobPackage.placeLinks(root, List.of(path)));
        assertTrue(refused.getMessage().contains("'" + path + "'"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("outside"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(temp.resolve("x"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(temp.resolve("b"), LinkOption.NOFOLLOW_LINKS));
    }
}
