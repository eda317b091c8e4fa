package dev.gradecheck.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A loaded, validated and compiled course: its exercises in course order ({@link Exercise#COURSE_ORDER}), the provided code, the suite
 * hash and the compiled instructor code. Immutable and thread-safe.
 *
 * @param layout where the course's parts are
 * @param exercises every exercise, in course order: by each manifest's {@code order}, then by id
 * @param providedFiles provided source files relative to {@code student-template/src/main/java}, sorted
 * @param suiteHash SHA-256 over exercises, template code and solutions, the course file and its test libraries
 * @param build the compiled provided code, solutions and hidden tests
 * @param settings what the course's {@code course.json} declares, or the defaults
 */
@API(status = API.Status.INTERNAL)
public record Course(CourseLayout layout, List<Exercise> exercises, List<String> providedFiles, String suiteHash,
                     CourseBuild build, CourseSettings settings) {

    public Course {
        Objects.requireNonNull(layout, "layout");
        exercises = List.copyOf(exercises);
        providedFiles = List.copyOf(providedFiles);
        Objects.requireNonNull(suiteHash, "suiteHash");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Loads the course at {@code courseRoot}: binds and validates its {@code course.json} (if any) and every
     * {@code exercises/*}{@code /exercise.json}, checks the files they name, and compiles the instructor code (or
     * reuses the cached build of the same suite).
     *
     * @throws CourseException if the suite is invalid; the message names the file, the field and the bad value
     */
    public static Course load(Path courseRoot) throws CourseException {
        CourseLayout layout = new CourseLayout(courseRoot);
        requireCourseRoot(layout);
        CourseSettings settings = CourseFileReader.read(layout);
        List<Exercise> exercises = readManifests(layout, settings);
        new CourseValidator(layout).validate(exercises);
        List<Path> providedSources = providedSources(layout, exercises);
        String suiteHash = hash(layout, settings.testLibraries());
        CourseBuild build = new CourseBuilder(layout, settings.testLibraries()).build(exercises, providedSources, suiteHash);
        List<String> provided = providedSources.stream()
                .map(file -> CourseLayout.relativePath(layout.templateSources(), file)).toList();
        return new Course(layout, exercises, provided, suiteHash, build, settings);
    }

    /**
     * The suite hash of the course at {@code courseRoot} as its files are now, without loading it: tells a long-lived
     * grader whether its loaded course is still current. Throws {@link UncheckedIOException} when a file cannot be
     * read.
     */
    public static String currentSuiteHash(Path courseRoot) {
        CourseLayout layout = new CourseLayout(courseRoot);
        List<Path> libraries;
        try {
            libraries = CourseFileReader.read(layout).testLibraries();
        } catch (CourseException e) {
            libraries = List.of(); // the course file itself is hashed: an edit that broke it still changes the hash
        }
        return hash(layout, libraries);
    }

    /** The exercise with this id, if any. */
    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }

    /** Every exercise's student files, sorted. */
    public Set<String> studentFiles() {
        Set<String> files = new TreeSet<>();
        exercises.forEach(exercise -> files.addAll(exercise.studentFiles()));
        return files;
    }

    /** The names of the written-answer files its manual items read ({@code ANSWERS.md}), sorted. */
    public Set<String> answerFiles() {
        Set<String> files = new TreeSet<>();
        exercises.forEach(exercise -> exercise.manual().forEach(item -> item.answer()
                .ifPresent(answer -> files.add(answer.file()))));
        return files;
    }

    /** The course's maximum score: every exercise's test and manual points. */
    public double totalPoints() {
        return exercises.stream().mapToDouble(Exercise::maxScore).sum();
    }

    private static void requireCourseRoot(CourseLayout layout) throws CourseException {
        if (!CourseLayout.isCourseRoot(layout.root())) {
            throw new CourseException(layout.root() + ": not a course — a course root holds exercises/ and "
                    + "student-template/; pass the repository root with --course or set GRADECHECK_COURSE");
        }
    }

    private static List<Exercise> readManifests(CourseLayout layout, CourseSettings settings) throws CourseException {
        List<Exercise> exercises = new ArrayList<>();
        for (Path folder : exerciseFolders(layout)) {
            exercises.add(ManifestReader.read(folder, layout.relative(folder.resolve("exercise.json")), settings));
        }
        if (exercises.isEmpty()) {
            throw new CourseException("exercises/: no exercise folders — add exercises/<id>/exercise.json");
        }
        Map<Integer, String> places = new HashMap<>();
        for (Exercise exercise : exercises) {
            if (exercise.order().isPresent()) {
                String other = places.putIfAbsent(exercise.order().getAsInt(), exercise.id());
                if (other != null) {
                    throw new CourseException("exercises/" + exercise.id() + "/exercise.json: \"order\" "
                            + exercise.order().getAsInt() + " is already the place of exercise " + other
                            + " — give each exercise its own place");
                }
            }
        }
        exercises.sort(Exercise.COURSE_ORDER);
        return exercises;
    }

    private static List<Path> exerciseFolders(CourseLayout layout) {
        try (Stream<Path> entries = Files.list(layout.exercises())) {
            return entries.filter(Files::isDirectory)
                    .filter(folder -> !Set.of("target", "src").contains(folder.getFileName().toString()))
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> providedSources(CourseLayout layout, List<Exercise> exercises) {
        Set<String> studentFiles = new TreeSet<>();
        exercises.forEach(exercise -> studentFiles.addAll(exercise.studentFiles()));
        return CourseLayout.filesBelow(layout.templateSources(), ".java").stream()
                .filter(file -> !studentFiles.contains(CourseLayout.relativePath(layout.templateSources(), file)))
                .toList();
    }

    private static String hash(CourseLayout layout, List<Path> testLibraries) {
        try {
            return SuiteHash.of(layout, testLibraries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the course to hash it", e);
        }
    }
}
