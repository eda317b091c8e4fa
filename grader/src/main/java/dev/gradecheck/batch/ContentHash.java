package dev.gradecheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of what a submission holds: every file below a folder (paths and bytes; a symbolic link by the text it
 * points to, never followed), or a file's bytes. Git's own bookkeeping that changes without a commit (the index, the
 * reflogs, {@code FETCH_HEAD}) is left out, so looking at a repository does not make it "changed"; a new commit is.
 * A source that cannot be read hashes to its error, so the batch reports it instead of skipping it.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(String source) {
        MessageDigest digest = sha256();
        Path path;
        try {
            path = Path.of(source.startsWith("file:") ? java.net.URI.create(source).getPath() : source);
        } catch (RuntimeException e) {
            return text(digest, "unreadable " + source);
        }
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                for (Path file : files(path)) {
                    update(digest, path.relativize(file).toString().replace('\\', '/'));
                    if (Files.isSymbolicLink(file)) {
                        update(digest, "-> " + Files.readSymbolicLink(file));
                    } else {
                        bytes(digest, file);
                    }
                }
            } else {
                bytes(digest, path);
            }
        } catch (IOException | RuntimeException e) {
            update(digest, "unreadable: " + e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String relative = root.relativize(dir).toString().replace('\\', '/');
                return relative.endsWith(".git/logs") || relative.equals("logs") && Files.exists(root.resolve("HEAD"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                boolean bookkeeping = file.getParent().getFileName() != null
                        && (name.equals("index") || name.equals("FETCH_HEAD") || name.equals("ORIG_HEAD"))
                        && (file.getParent().getFileName().toString().equals(".git")
                        || file.getParent().equals(root));
                if (!bookkeeping) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(java.util.Comparator.comparing(file -> root.relativize(file).toString().replace('\\', '/')));
        return files;
    }

    private static void bytes(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                length += read;
            }
            update(digest, "#" + length);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String text(MessageDigest digest, String text) {
        update(digest, text);
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The SHA-256 of some text, hex. */
    static String ofText(String text) {
        return text(sha256(), text);
    }
}
