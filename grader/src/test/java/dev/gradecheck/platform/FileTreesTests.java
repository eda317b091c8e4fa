package dev.gradecheck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying and deleting trees that student code may have planted links in. */
class FileTreesTests {

    @TempDir
    Path temp;

    @Test
    void deletingATreeDeletesALinkInItNotWhatTheLinkPointsTo() throws Exception {
        Path precious = Files.writeString(Files.createDirectories(temp.resolve("precious")).resolve("keep.txt"), "x");
        Path tree = Files.createDirectories(temp.resolve("run/deep"));
        Files.writeString(tree.resolve("file.txt"), "y");
        Files.createSymbolicLink(tree.resolve("link-to-folder"), precious.getParent());
        Files.createSymbolicLink(tree.resolve("link-to-file"), precious);

        FileTrees.delete(temp.resolve("run"));

        assertFalse(Files.exists(temp.resolve("run")));
        assertEquals("x", Files.readString(precious), "the link's target is untouched");
    }

    @Test
    void quietDeletionSaysWhetherTheTreeIsGoneAndAMissingTreeIs() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("scratch/a/b"));
        Files.writeString(tree.resolve("f"), "z");
        assertTrue(FileTrees.deleteQuietly(temp.resolve("scratch")));
        assertFalse(Files.exists(temp.resolve("scratch")));
        assertTrue(FileTrees.deleteQuietly(temp.resolve("never-was")));
        FileTrees.delete(temp.resolve("never-was"));
    }

    @Test
    void copyingATreeCopiesFoldersAndFilesButNoLinksAndSkipsWhatIsExcluded() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source/pkg"));
        Files.writeString(source.resolve("A.java"), "class A {}");
        Files.createDirectories(temp.resolve("source/target/classes"));
        Files.writeString(temp.resolve("source/target/classes/A.class"), "bytes");
        Files.createSymbolicLink(source.resolve("secret"), Files.writeString(temp.resolve("secret.txt"), "s"));

        FileTrees.copy(temp.resolve("source"), temp.resolve("copy/here"),
                relative -> !relative.getFileName().toString().equals("target"));

        assertEquals("class A {}", Files.readString(temp.resolve("copy/here/pkg/A.java")));
        assertFalse(Files.exists(temp.resolve("copy/here/target")), "an excluded folder is skipped whole");
        assertFalse(Files.exists(temp.resolve("copy/here/pkg/secret"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "links are not copied");
        try (var files = Files.list(temp.resolve("copy/here"))) {
            assertEquals(List.of(temp.resolve("copy/here/pkg")), files.toList());
        }
    }

    @Test
    void jvmFlagsComeFromTheOneFlagsFile() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"), JvmFlags.shortRun());
    }
}
