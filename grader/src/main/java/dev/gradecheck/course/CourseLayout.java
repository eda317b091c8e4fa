package dev.gradecheck.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Where a course keeps its parts, relative to the course root (the repository root).
 *
 * @param root the course root, absolute and normalized
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CourseLayout(Path root) {

    public CourseLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code course.json}: the course's settings, beside {@code exercises/}; optional. */
    public Path courseFile() {
        return root.resolve("course.json");
    }

    /** {@code exercises/}: one folder per exercise. */
    public Path exercises() {
        return root.resolve("exercises");
    }

    /** {@code student-template/}: what a student clones. */
    public Path template() {
        return root.resolve("student-template");
    }

    /** {@code student-template/src/main/java}: provided code and student-file stubs. */
    public Path templateSources() {
        return template().resolve("src/main/java");
    }

    /** {@code solutions/src/main/java}: reference versions of the student files. */
    public Path solutionSources() {
        return root.resolve("solutions/src/main/java");
    }

    /** {@code examples/}: sample student submissions. */
    public Path examples() {
        return root.resolve("examples");
    }

    /** {@code out/.cache}: compiled instructor code, one folder per suite hash. */
    public Path cache() {
        return root.resolve("out/.cache");
    }

    /** True when {@code folder} looks like a course root: it holds {@code exercises/} and {@code student-template/}. */
    public static boolean isCourseRoot(Path folder) {
        return Files.isDirectory(folder.resolve("exercises")) && Files.isDirectory(folder.resolve("student-template"));
    }

    /** The path of {@code file} relative to the course root, with forward slashes, for messages. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every regular file below {@code folder} whose name ends with {@code suffix}, sorted; empty if no folder. */
    static List<Path> filesBelow(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of {@code file} relative to {@code folder}, with forward slashes. */
    static String relativePath(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
