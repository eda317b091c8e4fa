package dev.gradecheck.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files of a submission folder: regular files and symbolic links (never followed), relative to the folder,
 * sorted by their forward-slash form, without the {@code .git} folder. Capped, so a folder full of build output or
 * dependencies is refused instead of walked for minutes.
 */
final class FileListing {

    static final int MAX_FILES = 10_000;

    private FileListing() {
    }

    /** The files below {@code root}; throws when there are more than {@link #MAX_FILES}. */
    static List<Path> list(Path root) throws SubmissionException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new Collector(root, files));
        } catch (TooManyFiles e) {
            throw new SubmissionException(root + " holds more than " + MAX_FILES + " files — submit only your project's"
                    + " sources (leave out build output such as target/ and downloaded dependencies)");
        } catch (IOException | UncheckedIOException e) {
            throw new SubmissionException("Cannot read the folder " + root + ": " + e.getMessage()
                    + " — check that it exists and is readable", e);
        }
        files.sort(Comparator.comparing(Submission::displayPath));
        return List.copyOf(files);
    }

    private static final class Collector extends SimpleFileVisitor<Path> {

        private final Path root;
        private final List<Path> files;

        Collector(Path root, List<Path> files) {
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                if (files.size() == MAX_FILES) {
                    throw new TooManyFiles();
                }
                files.add(root.relativize(file));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // An unreadable entry (permissions, a dangling link) is skipped: the rest of the submission still counts.
            return FileVisitResult.CONTINUE;
        }
    }

    /** Stops the walk early; never leaves this class. */
    private static final class TooManyFiles extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyFiles() {
            super(null, null, false, false);
        }
    }
}
