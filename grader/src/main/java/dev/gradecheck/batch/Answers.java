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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The written answers of a submission: its {@code ANSWERS.md} (the shallowest one, any case), read as text and
 * capped, from a folder (links never followed) or a zip. The answer to an exercise's items is the section whose
 * heading names the exercise's id in backticks ({@code ## Exercise 4 `vanishing-gradients`}), from the line
 * {@code <!-- Write your answer below this line. -->} (or the heading) to the next heading of that level.
 */
final class Answers {

    static final int MAX_CHARS = 20_000;
    private static final String MARKER = "<!-- Write your answer below this line. -->";

    private Answers() {
    }

    /** The text of {@code ANSWERS.md} in {@code folderOrZip}, empty when there is none. */
    static String read(Path folderOrZip) {
        try {
            if (Files.isDirectory(folderOrZip, LinkOption.NOFOLLOW_LINKS)) {
                Optional<Path> file = shallowest(folderOrZip);
                return file.isPresent() ? capped(Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) : "";
            }
            if (Files.isRegularFile(folderOrZip, LinkOption.NOFOLLOW_LINKS)) {
                return fromZip(folderOrZip);
            }
        } catch (IOException | RuntimeException e) {
            return "";   // no answer to show; the grading reports what is wrong with the submission
        }
        return "";
    }

    /** The answer for exercise {@code exerciseId} in {@code answers} (an ANSWERS.md text); empty if none. */
    static String section(String answers, String exerciseId) {
        List<String> lines = answers.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") && line.contains("`" + exerciseId + "`")) {
                String level = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
                List<String> body = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !isHeading(lines.get(j), level); j++) {
                    body.add(lines.get(j));
                }
                int marker = body.indexOf(MARKER);
                return String.join("\n", marker >= 0 ? body.subList(marker + 1, body.size()) : body).strip();
            }
        }
        return "";
    }

    private static boolean isHeading(String line, String level) {
        return line.startsWith("#") && line.indexOf(' ') > 0 && line.substring(0, line.indexOf(' ')).length() <= level.length()
                && line.substring(0, line.indexOf(' ')).chars().allMatch(c -> c == '#');
    }

    private static Optional<Path> shallowest(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, java.util.Set.of(), 8, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.equals(".git") || name.equals("target") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().equalsIgnoreCase("ANSWERS.md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().min(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
    }

    private static String fromZip(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry best = null;
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!entry.isDirectory() && base.toLowerCase(Locale.ROOT).equals("answers.md")
                        && (best == null || depth(name) < depth(best.getName()))) {
                    best = entry;
                }
            }
            return best == null ? "" : capped(file.getInputStream(best));
        }
    }

    private static long depth(String name) {
        return name.chars().filter(c -> c == '/').count();
    }

    private static String capped(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            String text = new String(in.readNBytes(MAX_CHARS * 4), StandardCharsets.UTF_8);
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        }
    }
}
