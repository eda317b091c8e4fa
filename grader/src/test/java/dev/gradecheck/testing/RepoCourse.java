package dev.gradecheck.testing;

import dev.gradecheck.CourseView;
import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.CourseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's real course, graded end to end: one {@link Grader} per test JVM (the course build is cached under
 * {@code out/.cache}), submissions assembled from the solutions and fixture files.
 */
public final class RepoCourse {

    /** A fixed clock: reports differ only in durations. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Grader grader;

    private RepoCourse() {
    }

    /** The repository root: the nearest folder above the working directory holding exercises/ and student-template/. */
    public static Path root() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (CourseLayout.isCourseRoot(folder)) {
                return folder;
            }
        }
        throw new IllegalStateException("run the tests inside the repository");
    }

    /** The shared grader of the real course. */
    public static synchronized Grader grader() {
        if (grader == null) {
            try {
                grader = Grader.create(GraderConfig.forCourse(root()).withClock(CLOCK));
            } catch (CourseException e) {
                throw new IllegalStateException("the repository's course is invalid: " + e.getMessage(), e);
            }
        }
        return grader;
    }

    /** Grades a folder with the shared grader. */
    public static GradeReport grade(Path submission) {
        try {
            return grader().grade(GradeRequest.of(submission.toString()));
        } catch (InvalidRequestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Full automatic marks of each exercise: its test points (manual items are pending). */
    public static Map<String, Double> fullMarks() {
        Map<String, Double> marks = new LinkedHashMap<>();
        for (CourseView.ExerciseView exercise : grader().courseView().exercises()) {
            marks.put(exercise.id(), exercise.testPoints());
        }
        return marks;
    }

    /**
     * The course's total as a summary prints it ({@code 100}, {@code 102.5}): every exercise's points, manual items
     * included, from the manifests, so no test breaks when an exercise is added.
     */
    public static String totalText() {
        double total;
        try {
            total = dev.gradecheck.course.Course.load(root()).totalPoints();
        } catch (CourseException e) {
            throw new IllegalStateException("the repository's course is invalid: " + e.getMessage(), e);
        }
        return java.math.BigDecimal.valueOf(total).stripTrailingZeros().toPlainString();
    }

    /** Each exercise's score in a report. */
    public static Map<String, Double> scores(GradeReport report) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ExerciseReport exercise : report.exercises()) {
            scores.put(exercise.id(), exercise.score());
        }
        return scores;
    }

    /** A copy of the solutions in {@code target}, then the fixture {@code submissions/<name>/} laid over it. */
    public static Path solutionsWithFixture(String name, Path target) {
        copyTree(root().resolve("solutions/src/main/java"), target, false);
        copyTree(fixture(name), target, true);
        return target;
    }

    /** The fixture folder {@code grader/src/test/resources/submissions/<name>}. */
    public static Path fixture(String name) {
        Path folder = root().resolve("grader/src/test/resources/submissions").resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no fixture " + folder);
        }
        return folder;
    }

    /** Copies a folder tree; with {@code stripTxt}, {@code X.java.txt} becomes {@code X.java}. */
    public static void copyTree(Path from, Path to, boolean stripTxt) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = from.relativize(file).toString();
                if (stripTxt && relative.endsWith(".java.txt")) {
                    relative = relative.substring(0, relative.length() - ".txt".length());
                }
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
