package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A class of submissions built from the repository's course: the solutions, the untouched template, the examples and
 * the known-bug variants (each a copy of the solutions with the variant's files in place), as folders, zips and git
 * repositories; and one-off gradings of the same files to compare with.
 */
final class ClassFixture {

    private ClassFixture() {
    }

    /** Named submission folders: solutions, template, examples, then every known-bug variant, up to {@code count}. */
    static Map<String, Path> submissions(Path into, int count) {
        Map<String, Path> made = new LinkedHashMap<>();
        Path root = RepoCourse.root();
        made.put("solutions", copy(root.resolve("solutions/src/main/java"), into.resolve("solutions")));
        made.put("template", copy(root.resolve("student-template"), into.resolve("template")));
        for (String example : List.of("compile-error", "partial", "typical-mistake")) {
            made.put(example, copy(root.resolve("examples").resolve(example), into.resolve(example)));
        }
        for (Path mutant : mutants()) {
            if (made.size() >= count) {
                break;
            }
            String name = mutant.getParent().getParent().getFileName() + "." + mutant.getFileName();
            made.put(name, variant(mutant, into.resolve(name)));
        }
        return made;
    }

    private static List<Path> mutants() {
        List<Path> mutants = new ArrayList<>();
        try (Stream<Path> exercises = Files.list(RepoCourse.root().resolve("exercises"))) {
            for (Path exercise : exercises.sorted().toList()) {
                Path folder = exercise.resolve("mutants");
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> codes = Files.list(folder)) {
                        mutants.addAll(codes.filter(Files::isDirectory).sorted().toList());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mutants;
    }

    /** The known-bug variant {@code code} of {@code exercise}, as a submission folder at {@code target}. */
    static Path variant(String exercise, String code, Path target) {
        return variant(RepoCourse.root().resolve("exercises").resolve(exercise).resolve("mutants").resolve(code), target);
    }

    /** The solutions with the variant's files over the solution files of the same name. */
    private static Path variant(Path mutant, Path target) {
        copy(RepoCourse.root().resolve("solutions/src/main/java"), target);
        try (Stream<Path> files = Files.walk(mutant); Stream<Path> solution = Files.walk(target)) {
            List<Path> targets = solution.filter(Files::isRegularFile).toList();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path replaced = targets.stream().filter(t -> t.getFileName().equals(file.getFileName())).findFirst()
                        .orElse(target.resolve(file.getFileName()));
                Files.copy(file, replaced, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static Path copy(Path from, Path to) {
        RepoCourse.copyTree(from, to, false);
        return to;
    }

    /** {@code folder} zipped into {@code zip}. */
    static Path zip(Path folder, Path zip) {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path item : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(item).toString().replace('\\', '/')));
                Files.copy(item, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** Makes {@code folder} a git repository with one commit of everything in it, at {@code date}; the commit id. */
    static String commitAll(Path folder, String message, String date) {
        if (!Files.isDirectory(folder.resolve(".git"))) {
            git(folder, null, "init", "-q");
        }
        git(folder, null, "add", "-A");
        git(folder, date, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q",
                "--allow-empty", "-m", message);
        return git(folder, null, "rev-parse", "HEAD");
    }

    static String git(Path folder, String date, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (date != null) {
                builder.environment().put("GIT_COMMITTER_DATE", date);
                builder.environment().put("GIT_AUTHOR_DATE", date);
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, process.waitFor(), "git " + String.join(" ", arguments) + ": " + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each exercise's score and the total of a one-off grading, as {@code bin/grader grade} grades. */
    static Map<String, Double> oneOff(String submission, Optional<String> ref, List<String> exercises) {
        try {
            GradeReport report = RepoCourse.grader().grade(new GradeRequest(submission, ref, exercises));
            return scores(report);
        } catch (InvalidRequestException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> scores(GradeReport report) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ExerciseReport exercise : report.exercises()) {
            scores.put(exercise.id(), exercise.score());
        }
        scores.put("total", report.score());
        return scores;
    }
}
