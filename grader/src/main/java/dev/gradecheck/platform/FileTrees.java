package dev.gradecheck.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Copying and deleting folder trees, never following symbolic links: a link is deleted, not what it points to, and
 * is not copied. Student code may have planted links in a folder the grader cleans up.
 */
@API(status = API.Status.INTERNAL)
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes {@code root} and everything below it; nothing when it is missing.
     *
     * @throws IOException at the first file or folder that cannot be deleted
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException problem) throws IOException {
                if (problem != null) {
                    throw problem;
                }
                Files.deleteIfExists(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * As {@link #delete}, best effort, for temporary folders: goes on past what cannot be deleted (a file a process
     * still holds open, a folder it cannot read) and leaves that behind.
     *
     * @return whether {@code root} is gone
     */
    public static boolean deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    tryDelete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException problem) {
                    tryDelete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException problem) {
                    tryDelete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // every visit method goes on; what is left is reported below
        }
        return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    }

    private static void tryDelete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: left behind
        }
    }

    /**
     * Copies {@code source} to {@code target}: a file as a file, a folder as the tree of its folders and regular
     * files (links are skipped), replacing files that exist; {@code target}'s parent is created when missing.
     */
    public static void copy(Path source, Path target) throws IOException {
        copy(source, target, relative -> true);
    }

    /**
     * As {@link #copy(Path, Path)}, of the entries whose path relative to {@code source} {@code include} accepts; a
     * folder it refuses is skipped with everything below it.
     */
    public static void copy(Path source, Path target, Predicate<Path> include) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path relative = source.relativize(path);
            if (!included(relative, include)) {
                continue;
            }
            Path copy = target.resolve(relative.toString());
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(copy);
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Whether {@code relative} and every folder above it are included (the source itself always is). */
    private static boolean included(Path relative, Predicate<Path> include) {
        if (relative.toString().isEmpty()) {
            return true;
        }
        for (Path prefix = relative; prefix != null; prefix = prefix.getParent()) {
            if (!include.test(prefix)) {
                return false;
            }
        }
        return true;
    }
}
