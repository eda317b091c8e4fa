package dev.gradecheck.verify;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.CourseView;
import dev.gradecheck.CourseView.ExerciseView;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.course.Mutant;
import dev.gradecheck.platform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Proves an exercise suite before release: for every exercise (or those selected), the solutions score full marks
 * with no diagnosis, the untouched template scores 0 with every test failing cleanly, and every known-bug variant
 * loses points on its own exercise only and is diagnosed with its misconception code.
 *
 * <pre>{@code
 * VerificationReport report = SuiteVerifier.create(GraderConfig.forCourse(root)).verify(List.of());
 * }</pre>
 *
 * <p>Each distinct submission is graded once through the {@link Grader} facade (one child JVM per grading): the
 * solutions' grading of every exercise serves both as their own check and as the baseline for "loses nothing
 * elsewhere"; the template is graded once for all selected exercises; each variant, a copy of the solutions with its
 * files overlaid, is graded on every exercise of the course. Not thread-safe; verify one suite at a time.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteVerifier {

    private final Grader grader;
    private final CourseLayout layout;

    private SuiteVerifier(Grader grader) {
        this.grader = grader;
        this.layout = grader.courseView().layout();
    }

    /**
     * A verifier for the course at {@code config.courseRoot()}.
     *
     * @throws CourseException if the exercise suite is invalid
     */
    public static SuiteVerifier create(GraderConfig config) throws CourseException {
        return new SuiteVerifier(Grader.create(config));
    }

    /** A verifier grading with this grader (of the course to verify). */
    public static SuiteVerifier using(Grader grader) {
        return new SuiteVerifier(Objects.requireNonNull(grader, "grader"));
    }

    /** Verifies the selected exercises ({@code exerciseIds}; empty for all) without reporting progress. */
    public VerificationReport verify(List<String> exerciseIds) throws InvalidRequestException {
        return verify(exerciseIds, line -> { });
    }

    /**
     * Verifies the selected exercises.
     *
     * @param exerciseIds the exercises to verify, in any order; empty for all of them
     * @param progress receives one line before each grading, e.g. {@code grading 3/12: chain-rule/sign-flipped}
     * @throws InvalidRequestException if an id names no exercise of the course; the message lists the ids it has
     */
    public VerificationReport verify(List<String> exerciseIds, Consumer<String> progress) throws InvalidRequestException {
        List<ExerciseView> selected = select(exerciseIds);
        Gradings gradings = new Gradings(progress, 2 + selected.stream().mapToInt(e -> e.knownBugs().size()).sum());
        try {
            GradeReport baseline = gradings.grade("solutions", layout.solutionSources(), List.of());
            GradeReport template = gradings.grade("template", layout.template(),
                    selected.stream().map(ExerciseView::id).toList());
            List<VerificationRow> rows = new ArrayList<>();
            for (ExerciseView exercise : selected) {
                rows.add(Expectations.solutions(Expectations.exercise(baseline, exercise.id())));
                rows.add(Expectations.template(Expectations.exercise(template, exercise.id())));
                exercise.knownBugs().forEach(mutant -> rows.add(knownBug(exercise, mutant, baseline, gradings)));
            }
            return new VerificationReport(rows, gradings.count());
        } finally {
            FileTrees.deleteQuietly(gradings.scratch);
        }
    }

    private List<ExerciseView> select(List<String> ids) throws InvalidRequestException {
        CourseView course = grader.courseView();
        List<ExerciseView> all = course.exercises();
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (course.exercise(id).isEmpty()) {
                throw new InvalidRequestException("unknown exercise \"" + id + "\" — the course has: "
                        + String.join(", ", course.ids()));
            }
        }
        return wanted.isEmpty() ? all : all.stream().filter(exercise -> wanted.contains(exercise.id())).toList();
    }

    /** Grades the solutions with the variant's files overlaid, on every exercise of the course. */
    private VerificationRow knownBug(ExerciseView exercise, Mutant mutant, GradeReport baseline, Gradings gradings) {
        String name = exercise.id() + "/" + mutant.code();
        Path folder = gradings.scratch.resolve(exercise.id() + "--" + mutant.code());
        List<String> problems = gradings.variants.write(mutant, layout.relative(mutant.folder()), folder);
        if (!problems.isEmpty()) {
            gradings.skip(name);
            return Expectations.ungradable(exercise.id(), exercise.testPoints(), mutant, problems);
        }
        try {
            return Expectations.knownBug(exercise.id(), mutant, gradings.grade(name, folder, List.of()), baseline);
        } finally {
            FileTrees.deleteQuietly(folder);
        }
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("gradecheck-verify-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /**
     * One verification run's gradings through the facade: counts and announces each, and owns the scratch folder the
     * variants are written into.
     */
    private final class Gradings {

        private final Consumer<String> progress;
        private final int planned;
        private final Path scratch = createScratch();
        private final VariantBuilder variants = new VariantBuilder(layout.solutionSources());
        private int started;
        private int count;

        Gradings(Consumer<String> progress, int planned) {
            this.progress = progress;
            this.planned = planned;
        }

        GradeReport grade(String name, Path submission, List<String> exerciseIds) {
            progress.accept(String.format(Locale.ROOT, "grading %d/%d: %s", ++started, planned, name));
            count++;
            try {
                return grader.grade(GradeRequest.of(submission.toString()).onlyExercises(exerciseIds));
            } catch (InvalidRequestException e) {
                throw new IllegalStateException("cannot grade " + name + " (" + submission + "): " + e.getMessage(), e);
            }
        }

        void skip(String name) {
            progress.accept(String.format(Locale.ROOT, "skipped %d/%d: %s (cannot be built)", ++started, planned, name));
        }

        int count() {
            return count;
        }
    }
}
