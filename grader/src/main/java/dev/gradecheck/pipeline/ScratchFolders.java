package dev.gradecheck.pipeline;

import dev.gradecheck.platform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The scratch folder of each grading, in the temp directory: the submission's copy, its classes, its children's folders. */
final class ScratchFolders {

    private ScratchFolders() {
    }

    /**
     * A new, empty scratch folder.
     *
     * @throws UncheckedIOException if the temp directory refuses one
     */
    static Path create() {
        try {
            Path scratch = Files.createTempDirectory("gradecheck-");
            // Traversable (not listable) by others: a child JVM running as an unprivileged user reaches its folder.
            try {
                Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: no other user to serve.
            }
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Deletes a scratch folder with all it holds, as far as it can. */
    static void deleteQuietly(Path folder) {
        // A leftover scratch folder in the temp directory is harmless; grading already succeeded.
        FileTrees.deleteQuietly(folder);
    }
}
