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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Proves an exercise suite before release: for every exercise (or those selected), the solutions score full marks
 * with no diagnosis, the untouched template scores 0 with every test failing cleanly, and every known-bug variant
 * loses points on its own exercise only and is diagnosed with its misconception code.
 *
 * <pre>{@code
 * try (SuiteVerifier verifier = SuiteVerifier.create(GraderConfig.forCourse(root), 2)) {
 *     VerificationReport report = verifier.verify(List.of());
 * }
 * }</pre>
 *
 * <p>Each distinct submission is graded once through the {@link Grader} facade (one child JVM per grading): the
 * solutions' grading of every exercise serves both as their own check and as the baseline for "loses nothing
 * elsewhere"; the template is graded once for all selected exercises; each variant, a copy of the solutions with its
 * files overlaid, is graded on every exercise of the course. The gradings are independent of each other, so a
 * verifier with several graders (lanes) runs that many side by side, taken in order; the rows and the report are the
 * same whatever the number of lanes. Not thread-safe; verify one suite at a time.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteVerifier implements AutoCloseable {

    private final List<Grader> lanes;
    private final boolean owned;
    private final CourseLayout layout;

    private SuiteVerifier(List<Grader> lanes, boolean owned) {
        this.lanes = List.copyOf(lanes);
        this.owned = owned;
        this.layout = this.lanes.get(0).courseView().layout();
    }

    /**
     * A verifier for the course at {@code config.courseRoot()}, grading one submission at a time with a grader of
     * {@code config}.
     *
     * @throws CourseException if the exercise suite is invalid
     */
    public static SuiteVerifier create(GraderConfig config) throws CourseException {
        return new SuiteVerifier(List.of(Grader.create(config)), true);
    }

    /**
     * A verifier for the course at {@code config.courseRoot()} grading up to {@code lanes} submissions side by side,
     * each lane a grader of {@code config} with child JVMs on standby (the next grading's child starts while the
     * lane's previous grading is scored); {@link #close} stops them.
     *
     * @param lanes how many gradings run at once, 1..16
     * @throws CourseException if the exercise suite is invalid
     */
    public static SuiteVerifier create(GraderConfig config, int lanes) throws CourseException {
        if (lanes < 1 || lanes > 16) {
            throw new IllegalArgumentException("lanes must be 1..16, was " + lanes);
        }
        List<Grader> graders = new ArrayList<>();
        try {
            for (int i = 0; i < lanes; i++) {
                graders.add(Grader.create(config.withStandby(true)));
            }
        } catch (CourseException | RuntimeException e) {
            graders.forEach(Grader::close);
            throw e;
        }
        return new SuiteVerifier(graders, true);
    }

    /** A verifier grading with this grader (of the course to verify), one submission at a time; never closes it. */
    public static SuiteVerifier using(Grader grader) {
        return new SuiteVerifier(List.of(Objects.requireNonNull(grader, "grader")), false);
    }

    /**
     * A verifier grading with these graders (of the course to verify), one lane each: a grader listed twice is one
     * lane. Never closes them.
     *
     * @throws IllegalArgumentException if {@code graders} is empty
     */
    public static SuiteVerifier using(List<Grader> graders) {
        List<Grader> lanes = new ArrayList<>(new LinkedHashSet<>(graders));
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs a grader");
        }
        return new SuiteVerifier(lanes, false);
    }

    /** Verifies the selected exercises ({@code exerciseIds}; empty for all) without reporting progress. */
    public VerificationReport verify(List<String> exerciseIds) throws InvalidRequestException {
        return verify(exerciseIds, line -> { });
    }

    /**
     * Verifies the selected exercises.
     *
     * @param exerciseIds the exercises to verify, in any order; empty for all of them
     * @param progress receives one line as each grading starts, e.g. {@code grading 3/12: chain-rule/sign-flipped},
     *     numbered in course order (solutions 1, template 2, then the variants), from the lane's thread; with
     *     several lanes the lines may come slightly out of order
     * @throws InvalidRequestException if an id names no exercise of the course; the message lists the ids it has
     */
    public VerificationReport verify(List<String> exerciseIds, Consumer<String> progress) throws InvalidRequestException {
        List<ExerciseView> selected = select(exerciseIds);
        Gradings gradings = new Gradings(progress, 2 + selected.stream().mapToInt(e -> e.knownBugs().size()).sum());
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size(), SuiteVerifier::laneThread);
        try {
            Future<GradeReport> solutions = pool.submit(
                    () -> gradings.grade(1, "solutions", layout.solutionSources(), List.of()));
            Future<GradeReport> template = pool.submit(() -> gradings.grade(2, "template", layout.template(),
                    selected.stream().map(ExerciseView::id).toList()));
            List<Future<Graded>> variants = new ArrayList<>();
            for (ExerciseView exercise : selected) {
                for (Mutant mutant : exercise.knownBugs()) {
                    int number = 3 + variants.size();
                    variants.add(pool.submit(() -> knownBug(number, exercise, mutant, gradings)));
                }
            }
            GradeReport baseline = result(solutions);
            GradeReport untouched = result(template);
            Iterator<Future<Graded>> graded = variants.iterator();
            List<VerificationRow> rows = new ArrayList<>();
            for (ExerciseView exercise : selected) {
                rows.add(Expectations.solutions(Expectations.exercise(baseline, exercise.id())));
                rows.add(Expectations.template(Expectations.exercise(untouched, exercise.id())));
                for (Mutant mutant : exercise.knownBugs()) {
                    rows.add(result(graded.next()).row(exercise, mutant, baseline));
                }
            }
            return new VerificationReport(rows, gradings.count());
        } finally {
            pool.shutdownNow();
            awaitStopped(pool);
            FileTrees.deleteQuietly(gradings.scratch);
        }
    }

    /** Stops the graders this verifier made (their children on standby); a grader given to {@link #using} stays. */
    @Override
    public void close() {
        if (owned) {
            lanes.forEach(Grader::close);
        }
    }

    private List<ExerciseView> select(List<String> ids) throws InvalidRequestException {
        CourseView course = lanes.get(0).courseView();
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
    private Graded knownBug(int number, ExerciseView exercise, Mutant mutant, Gradings gradings)
            throws InterruptedException {
        String name = exercise.id() + "/" + mutant.code();
        Path folder = gradings.scratch.resolve(exercise.id() + "--" + mutant.code());
        List<String> problems = gradings.write(mutant, layout.relative(mutant.folder()), folder);
        if (!problems.isEmpty()) {
            gradings.skip(number, name);
            return new Graded(null, problems);
        }
        try {
            return new Graded(gradings.grade(number, name, folder, List.of()), List.of());
        } finally {
            FileTrees.deleteQuietly(folder);
        }
    }

    /** A variant's grading, or what kept it from being built. */
    private record Graded(GradeReport report, List<String> problems) {

        VerificationRow row(ExerciseView exercise, Mutant mutant, GradeReport baseline) {
            return report == null ? Expectations.ungradable(exercise.id(), exercise.testPoints(), mutant, problems)
                    : Expectations.knownBug(exercise.id(), mutant, report, baseline);
        }
    }

    /** The task's result; what it threw, thrown again (its unchecked exceptions as they are). */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for the gradings still running after a failure, so none writes into the scratch folder once deleted. */
    private static void awaitStopped(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lane's thread: a daemon, so a verification left running never keeps the JVM alive. */
    private static Thread laneThread(Runnable task) {
        Thread thread = new Thread(task, "gradecheck-verify");
        thread.setDaemon(true);
        return thread;
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("gradecheck-verify-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /**
     * One verification run's gradings through the facade, on whichever lane is idle: counts and announces each, and
     * owns the scratch folder the variants are written into. Thread-safe.
     */
    private final class Gradings {

        private final Consumer<String> progress;
        private final int planned;
        private final Path scratch = createScratch();
        private final VariantBuilder variants = new VariantBuilder(layout.solutionSources());
        private final BlockingQueue<Grader> idle = new LinkedBlockingQueue<>(lanes);
        private int count;

        Gradings(Consumer<String> progress, int planned) {
            this.progress = progress;
            this.planned = planned;
        }

        /** Grades {@code submission} on an idle lane, announced as the {@code number}th grading of the plan. */
        GradeReport grade(int number, String name, Path submission, List<String> exerciseIds)
                throws InterruptedException {
            announce("grading %d/%d: %s", number, name);
            Grader grader = idle.take();
            try {
                return grader.grade(GradeRequest.of(submission.toString()).onlyExercises(exerciseIds));
            } catch (InvalidRequestException e) {
                throw new IllegalStateException("cannot grade " + name + " (" + submission + "): " + e.getMessage(), e);
            } finally {
                idle.add(grader);
            }
        }

        List<String> write(Mutant mutant, String shownFolder, Path folder) {
            synchronized (variants) {
                return variants.write(mutant, shownFolder, folder);
            }
        }

        void skip(int number, String name) {
            announce("skipped %d/%d: %s (cannot be built)", number, name);
        }

        private synchronized void announce(String format, int number, String name) {
            if (format.startsWith("grading")) {
                count++;
            }
            progress.accept(String.format(Locale.ROOT, format, number, planned, name));
        }

        synchronized int count() {
            return count;
        }
    }
}
