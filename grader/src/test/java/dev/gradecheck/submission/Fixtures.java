package dev.gradecheck.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures kept under {@code src/test/resources}: Java sources are stored as {@code .java.txt} so that they do
 * not compile into the test module, and get their {@code .java} name back when copied into a test's folder.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture file or folder {@code name} (e.g. {@code submission/flat-folder}) on disk. */
    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /** The text of the fixture file {@code name}. */
    public static String text(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the fixture folder {@code name} into {@code target}, renaming {@code X.java.txt} to {@code X.java}. */
    public static Path copy(String name, Path target) {
        Path source = resource(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = source.relativize(file).toString();
                Path copy = target.resolve(relative.endsWith(".java.txt")
                        ? relative.substring(0, relative.length() - ".txt".length()) : relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A student source with the text of the fixture file {@code name}, as if found at {@code submissionPath}. */
    public static StudentSource studentSource(String declaredPath, String submissionPath, String name) {
        return new StudentSource(declaredPath, submissionPath, text(name), "0".repeat(64));
    }

    /** Writes {@code bytes} to {@code root/relative}, creating folders. */
    public static Path write(Path root, String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 {@code text} to {@code root/relative}, creating folders. */
    public static Path write(Path root, String relative, String text) {
        return write(root, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The relative paths of a submission's files, forward slashes. */
    public static List<String> paths(Submission submission) {
        return submission.files().stream().map(Submission::displayPath).toList();
    }
}
