package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.Graders;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * repositories; and one-off gradings of the same files to compare with ({@link #oneOff}).
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

    /**
     * Each exercise's score and the total of a one-off grading of {@code submission}, run as {@code bin/grader grade
     * SOURCE [--ref REF] [--exercise ID ...] --out DIR} runs it: the task {@code grade} through {@link Tasks#run},
     * here with one warm grader shared by the whole test JVM (its standby child started while the previous one-off
     * ran), so that a comparison costs a grading, not a JVM start and a course load. Thread-safe (one at a time).
     */
    static Map<String, Double> oneOff(String submission, Optional<String> ref, List<String> exercises) {
        return oneOffGrading(submission, ref, exercises).scores();
    }

    /** What a one-off grading wrote: each exercise's score and the total, and {@code feedback.html}. */
    record OneOff(Map<String, Double> scores, String feedback) {
    }

    /** A one-off grading as {@link #oneOff} runs it, with its feedback page. */
    static synchronized OneOff oneOffGrading(String submission, Optional<String> ref, List<String> exercises) {
        try {
            Path out = Files.createTempDirectory("gradecheck-one-off");
            try {
                GradingRequest task = new GradingRequest(GradingRequest.Task.GRADE, RepoCourse.root(),
                        Optional.of(RepoCourse.root()), Map.of(), Optional.of(submission), ref, exercises,
                        Optional.of(out), Optional.empty());
                StringWriter errors = new StringWriter();
                ExitCode code = Tasks.run(task, new Shared(warmGrader()), new PrintWriter(Writer.nullWriter()),
                        new PrintWriter(errors));
                assertEquals(ExitCode.OK, code, "grade " + submission + ": " + errors);
                return new OneOff(Outputs.scores(out.resolve("report.json")),
                        Files.readString(out.resolve("feedback.html"), StandardCharsets.UTF_8));
            } finally {
                FileTrees.deleteQuietly(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Grader warm;

    /** The test JVM's one grader with standby children, closed (its child ended) when the JVM exits. */
    private static Grader warmGrader() {
        if (warm == null) {
            try {
                warm = Grader.create(GraderConfig.forCourse(RepoCourse.root()).withStandby(true));
            } catch (CourseException e) {
                throw new IllegalStateException("the repository's course is invalid: " + e.getMessage(), e);
            }
            Grader made = warm;
            Runtime.getRuntime().addShutdownHook(new Thread(made::close, "gradecheck-one-off-close"));
        }
        return warm;
    }

    /** The shared grader, lent to one task; closing it is the JVM's exit. */
    private record Shared(Grader grader) implements Graders {
        @Override
        public Grader grader(Path courseRoot) {
            return grader;
        }

        @Override
        public void close() {
        }
    }
}
