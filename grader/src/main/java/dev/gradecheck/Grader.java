package dev.gradecheck;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.sandbox.LingeringThreads;
import dev.gradecheck.sandbox.ResourceSquat;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.sandbox.WarmUp;
import dev.gradecheck.scoring.ExerciseOutcome;
import dev.gradecheck.scoring.Points;
import dev.gradecheck.scoring.Scorer;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentFileLocator;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Grades submissions against one course: the one way in.
 *
 * <pre>{@code
 * Grader grader = Grader.create(GraderConfig.forCourse(Path.of(".")));
 * GradeReport report = grader.grade(GradeRequest.of("examples/typical-mistake"));
 * }</pre>
 *
 * <p>Pipeline: intake → locate the student files → per exercise: compile (on its own, against the provided classes),
 * structure rules (even when it does not compile), bytecode check (an exercise using a forbidden API is not run) →
 * one sandboxed child JVM for the hidden tests of every runnable exercise → scoring. Student mistakes, however bad,
 * end up in the report; nothing a submission contains makes {@link #grade} throw. Reports depend only on the
 * submission, the course and the clock. Thread-safe: {@link #grade} is synchronized (the stages keep parsers and
 * compilers that are not), and each call works in its own scratch folder, deleted afterwards.
 */
public final class Grader implements AutoCloseable {

    private final GraderConfig config;
    private final Course course;
    private final ExerciseChecks checks;
    private final Sandbox sandbox;
    private final WarmUp rehearsal;
    private CompletableFuture<Standby> standby;
    private boolean closed;

    private Grader(GraderConfig config, Course course, ExerciseChecks checks) {
        this.config = config;
        this.course = course;
        this.checks = checks;
        this.sandbox = Sandbox.create(config.sandbox());
        this.rehearsal = config.standby() ? rehearsal(course) : WarmUp.engineOnly();
    }

    /**
     * What children on standby rehearse while they wait: the course's hidden tests against the template's stubs, as a
     * real job runs them. Never against the reference solutions: the child that rehearses runs a student's code next,
     * and nothing it ever held may be an answer. Read once per grader.
     */
    private static WarmUp rehearsal(Course course) {
        CourseBuild build = course.build();
        List<Path> folders = new ArrayList<>(List.of(build.providedClasses(), build.stubClasses()));
        course.exercises().forEach(exercise -> folders.add(build.hiddenTests(exercise.id())));
        List<String> tests = course.exercises().stream()
                .flatMap(exercise -> exercise.tests().stream())
                .map(test -> test.id().toString())
                .toList();
        try {
            return WarmUp.rehearsal(folders, tests);
        } catch (UncheckedIOException e) {
            return WarmUp.engineOnly();   // only speed is lost; a grading reports any real problem with the build
        }
    }

    /**
     * A grader for the course at {@code config.courseRoot()}; loads, validates and compiles the course (or reuses
     * its cached build).
     *
     * @throws CourseException if the exercise suite is invalid
     */
    public static Grader create(GraderConfig config) throws CourseException {
        Course course = Course.load(config.courseRoot());
        Grader grader = new Grader(config, course, new ExerciseChecks(course));
        if (config.standby()) {
            grader.standby = CompletableFuture.completedFuture(grader.prepareStandby());
        }
        return grader;
    }

    /** The loaded course. */
    public Course course() {
        return course;
    }

    /**
     * Whether the loaded course still matches the course's files (exercises, template, solutions): false once an
     * instructor edits them, when a long-lived grader should be replaced by a new one.
     */
    public boolean isCurrent() {
        try {
            return Course.currentSuiteHash(config.courseRoot()).equals(course.suiteHash());
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Grades one submission.
     *
     * @throws InvalidRequestException if the submission cannot be opened or names an unknown exercise
     */
    public synchronized GradeReport grade(GradeRequest request) throws InvalidRequestException {
        Instant startedAt = config.clock().instant();
        List<Exercise> exercises = selectedExercises(request.exerciseIds());
        Standby ready = takeStandby();
        TestRuns runs = ready.runs();
        if (runs != null) {
            runs.expectJobs();
        }
        try {
            Submission submission = open(request, ready.scratch());
            if (runs == null) {
                runs = TestRuns.prepare(sandbox, ready.scratch(), config.testJvms(), Optional.empty());
            }
            LocatedFiles located = StudentFileLocator.locate(submission, course.studentFiles(), course.providedFiles());
            List<Exercise> checkOrder = runs.plan(exercises, course.build());
            List<ExerciseCheck> checked = inOrderOf(exercises,
                    checks.checkAll(checkOrder, located, ready.scratch().resolve("classes"), runs::checked));
            Optional<SandboxRun> run = runs.finish();
            List<ExerciseReport> reports = score(checked, run);
            Duration duration = Duration.between(startedAt, config.clock().instant());
            return report(reports, located, provenance(submission, gradedFiles(exercises, located), run, startedAt,
                    duration), run.map(SandboxRun::integrity).orElse(Integrity.NONE));
        } finally {
            TestRuns used = runs;
            Runnable cleanUp = () -> {
                if (used != null) {
                    used.close();
                }
                deleteQuietly(ready.scratch());
            };
            if (config.standby() && !closed) {
                // A long-lived grader cleans up and starts the next children after this grading has returned.
                standby = CompletableFuture.supplyAsync(() -> {
                    Standby next = prepareStandby();
                    cleanUp.run();
                    return next;
                }, DaemonThreads.starting("gradecheck-standby"));
            } else {
                cleanUp.run();
            }
        }
    }

    /**
     * The report of a grading refused for {@code reason} (the message of the {@link InvalidRequestException} that
     * {@link #grade} threw: what is wrong and how to fix it): score 0, no exercise graded, the submission as given,
     * no student code run. Written like any report, so an LMS shows the student why instead of nothing.
     */
    /**
     * The isolation student code gets on this machine, as this grader's sandbox would set it up now (the layers are
     * probed once per JVM). For refusing to grade below a level before anything runs.
     */
    public Isolation isolation() {
        return sandbox.isolation();
    }

    public GradeReport refusal(GradeRequest request, String reason) {
        Isolation none = new Isolation(true, false, System.getProperty("user.name", "unknown"), false,
                List.of("no student code ran: the grading was refused"));
        Provenance provenance = new Provenance(request.submission(), Optional.empty(), List.of(),
                GraderVersion.current(), course.suiteHash(), none, config.clock().instant(), Duration.ZERO);
        return GradeReport.refused(reason, provenance);
    }

    private static List<ExerciseCheck> inOrderOf(List<Exercise> exercises, List<ExerciseCheck> checks) {
        Map<String, ExerciseCheck> byId = new HashMap<>();
        checks.forEach(check -> byId.put(check.exercise().id(), check));
        return exercises.stream().map(exercise -> byId.get(exercise.id())).toList();
    }

    /**
     * Waits, at most about {@code limit}, until the child JVMs kept on standby have warmed up, so the next grading
     * runs at full speed; for a long-lived grader that should be ready when it says so. Returns at once without
     * standby.
     */
    public synchronized void awaitStandby(Duration limit) {
        if (standby == null) {
            return;
        }
        Standby ready = joinStandby();
        standby = CompletableFuture.completedFuture(ready);
        if (ready != null && ready.runs() != null) {
            ready.runs().awaitWarmedUp(limit);
        }
    }

    /**
     * Stops the child JVMs kept on standby, if any. The grader still grades afterwards, starting children as
     * needed, but keeps none on standby any more.
     */
    @Override
    public synchronized void close() {
        closed = true;
        Standby kept = joinStandby();
        if (kept != null) {
            if (kept.runs() != null) {
                kept.runs().close();
            }
            deleteQuietly(kept.scratch());
        }
    }

    /** A scratch folder and, when children are on standby, the test runs waiting in it. */
    private record Standby(Path scratch, TestRuns runs) {
    }

    private Standby takeStandby() {
        Standby kept = joinStandby();
        return kept != null ? kept : new Standby(createScratch(), null);
    }

    /** The standby being prepared, once ready, and none is kept any more; null if there is none or it failed. */
    private Standby joinStandby() {
        CompletableFuture<Standby> pending = standby;
        standby = null;
        try {
            return pending != null ? pending.join() : null;
        } catch (CompletionException e) {
            // No scratch folder could be made; the grading makes its own and reports what goes wrong then.
            return null;
        }
    }

    /** The next grading's scratch folder with its children started; without them if they cannot start. */
    private Standby prepareStandby() {
        Path scratch = createScratch();
        try {
            return new Standby(scratch, TestRuns.prepare(sandbox, scratch, config.testJvms(), Optional.of(rehearsal)));
        } catch (RuntimeException e) {
            // The next grading starts its own children and reports what goes wrong then.
            return new Standby(scratch, null);
        }
    }

    private List<Exercise> selectedExercises(List<String> ids) throws InvalidRequestException {
        if (ids.isEmpty()) {
            return course.exercises();
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (course.exercise(id).isEmpty()) {
                throw new InvalidRequestException("unknown exercise \"" + id + "\" — the course has: "
                        + String.join(", ", course.exercises().stream().map(Exercise::id).toList()));
            }
        }
        return course.exercises().stream().filter(exercise -> wanted.contains(exercise.id())).toList();
    }

    private static Submission open(GradeRequest request, Path scratch) throws InvalidRequestException {
        try {
            return Intake.create(scratch.resolve("intake")).open(request.submission(), request.gitRef());
        } catch (SubmissionException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    private static List<ExerciseReport> score(List<ExerciseCheck> checked, Optional<SandboxRun> run) {
        Map<TestId, TestResult> results = new HashMap<>();
        run.ifPresent(ran -> ran.results().forEach(result -> results.put(result.id(), result)));
        List<LingeringThreads> lingering = run.map(SandboxRun::lingering).orElse(List.of());
        List<ResourceSquat> squats = run.map(SandboxRun::squats).orElse(List.of());
        List<ExerciseReport> reports = new ArrayList<>();
        for (ExerciseCheck check : checked) {
            ExerciseOutcome outcome = check.runnable()
                    ? ExerciseOutcome.ran(check.exercise(), withConduct(check, lingering, squats),
                            resultsOf(check.exercise(), results))
                    : ExerciseOutcome.notRun(check.exercise(), check.findings(), check.notRunReason());
            reports.add(Scorer.score(outcome));
        }
        return reports;
    }

    /**
     * The front stages' findings, then a warning for each of the exercise's tests that left threads running, then
     * what the exercise left behind for the other exercises' tests.
     */
    private static List<Finding> withConduct(ExerciseCheck check, List<LingeringThreads> lingering,
                                             List<ResourceSquat> squats) {
        Set<TestId> own = new HashSet<>();
        check.exercise().tests().forEach(test -> own.add(test.id()));
        List<Finding> findings = new ArrayList<>(check.findings());
        lingering.stream().filter(left -> own.contains(left.test())).map(Grader::lingeringThread)
                .forEach(findings::add);
        squats.stream().filter(squat -> squat.exercise().equals(check.exercise().id())).map(Grader::resourceSquat)
                .forEach(findings::add);
        return findings;
    }

    /**
     * The exercise scores 0: its code kept, past its tests, a third of the memory (or 64 threads) that every test of
     * the grading shares, which is what makes the next exercise's tests run out of memory. Those now run in a fresh
     * JVM, so the squat costs no one else; without a charge it would cost its author nothing either, and no solution
     * needs to keep that much after its test has ended. The limit, not the amount measured, is named, so that the
     * same submission always gets the same report.
     */
    private static Finding resourceSquat(ResourceSquat squat) {
        String kept = switch (squat.resource()) {
            case HEAP -> "still held more than " + squat.limit() + " MB of heap memory (a third of the heap the tests"
                    + " run with)";
            case DIRECT_MEMORY -> "still held more than " + squat.limit() + " MB of direct buffers"
                    + " (ByteBuffer.allocateDirect; a third of what the tests may use)";
            case THREADS -> "still had more than " + squat.limit() + " threads running";
        };
        return Finding.zero("resource-squat", Location.of(""), "after this exercise's tests had run, your code "
                + kept + ", which the tests of the other exercises would have paid for (they were run in a fresh"
                + " JVM instead)",
                "release the big arrays and buffers you keep in static fields, and stop the threads you start: every"
                        + " test must leave memory and threads as it found them");
    }

    /**
     * A warning, not a deduction: the thread can no longer harm another test (what it prints afterwards is
     * discarded), and a forgotten join is a mistake more often than a trick.
     */
    private static Finding lingeringThread(LingeringThreads left) {
        return Finding.warn("lingering-thread", Location.of(""), "the test " + left.test().simpleClassName() + "."
                + left.test().methodName() + " ended with " + left.threads() + " thread(s) your code started still"
                + " running (" + String.join(", ", left.names()) + "); what they printed afterwards was discarded",
                "stop and join every thread you start before the method that started it returns");
    }

    private static Map<TestId, TestResult> resultsOf(Exercise exercise, Map<TestId, TestResult> results) {
        Map<TestId, TestResult> own = new HashMap<>();
        exercise.tests().forEach(test -> {
            TestResult result = results.get(test.id());
            if (result != null) {
                own.put(test.id(), result);
            }
        });
        return own;
    }

    private static GradeReport report(List<ExerciseReport> exercises, LocatedFiles located, Provenance provenance,
                                      Integrity integrity) {
        double score = Points.round(exercises.stream().mapToDouble(ExerciseReport::score).sum());
        double max = Points.round(exercises.stream().mapToDouble(ExerciseReport::maxScore).sum());
        double pending = Points.round(exercises.stream().mapToDouble(ExerciseReport::pendingManualPoints).sum());
        List<IgnoredPath> ignored = located.ignored().stream()
                .map(file -> new IgnoredPath(file.submissionPath(), file.reason()))
                .sorted(Comparator.comparing(IgnoredPath::path))
                .toList();
        return new GradeReport(score, max, pending, exercises, ignored, provenance, integrity);
    }

    /** The student files of the graded exercises that the submission holds, sorted by path. */
    private static List<GradedFile> gradedFiles(List<Exercise> exercises, LocatedFiles located) {
        return exercises.stream()
                .flatMap(exercise -> exercise.studentFiles().stream())
                .map(located.found()::get)
                .filter(Objects::nonNull)
                .map(source -> new GradedFile(source.submissionPath(), source.sha256()))
                .sorted(Comparator.comparing(GradedFile::path))
                .toList();
    }

    private Provenance provenance(Submission submission, List<GradedFile> files, Optional<SandboxRun> run,
                                  Instant startedAt, Duration duration) {
        Isolation isolation = run.map(SandboxRun::isolation)
                .orElseGet(() -> new Isolation(true, false, System.getProperty("user.name", "unknown"), false,
                        List.of("no student code ran: no exercise was runnable")));
        return new Provenance(submission.origin(), submission.gitCommit(), files, GraderVersion.current(),
                course.suiteHash(), isolation, startedAt, duration);
    }

    private static Path createScratch() {
        try {
            Path scratch = Files.createTempDirectory("gradecheck-");
            // Traversable (not listable) by others: a child JVM running as an unprivileged user reaches its folder.
            try {
                Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: no other user to serve.
            }
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        // A leftover scratch folder in the temp directory is harmless; grading already succeeded.
        FileTrees.deleteQuietly(folder);
    }
}
