package dev.gradecheck.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over the sorted relative paths and contents of everything that decides a grade: {@code exercises/**}
 * (build output excluded), the template's {@code src/main/java}, {@code solutions/src/main/java}, the course file
 * {@code course.json} and every file of the test libraries it names.
 * Identifies the suite in reports and names the build cache.
 */
final class SuiteHash {

    private SuiteHash() {
    }

    /** The lower-case hex hash of the suite under {@code layout}, with these test libraries (jars or class folders). */
    static String of(CourseLayout layout, List<Path> testLibraries) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files = suiteFiles(layout);
        if (Files.isRegularFile(layout.courseFile())) {
            files.add(layout.courseFile());
        }
        for (Path library : testLibraries) {
            files.addAll(filesOf(library));
        }
        for (Path file : files) {
            digest.update(layout.relative(file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hex SHA-256 of some bytes. */
    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static List<Path> suiteFiles(CourseLayout layout) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(layout.exercises(), layout.templateSources(), layout.solutionSources())) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).filter(file -> !isBuildOutput(folder, file)).forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    /** A jar itself, or every file below a class folder, sorted. */
    private static List<Path> filesOf(Path library) throws IOException {
        if (!Files.isDirectory(library)) {
            return Files.isRegularFile(library) ? List.of(library) : List.of();
        }
        try (Stream<Path> walk = Files.walk(library)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isBuildOutput(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
