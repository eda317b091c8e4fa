package dev.gradecheck;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.pipeline.GradingPipeline;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.submission.SubmissionException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Grades submissions against one course: the one way in.
 *
 * <pre>{@code
 * Grader grader = Grader.create(GraderConfig.forCourse(Path.of(".")));
 * GradeReport report = grader.grade(GradeRequest.of("examples/typical-mistake"));
 * }</pre>
 *
 * <p>The facade checks the request and hands it to the {@link GradingPipeline}: intake → locate the student files →
 * per exercise: compile (on its own, against the provided classes), structure rules (even when it does not compile),
 * bytecode check (an exercise using a forbidden API is not run) → sandboxed child JVMs for the hidden tests of every
 * runnable exercise → scoring → the report. Student mistakes, however bad, end up in the report; nothing a submission
 * contains makes {@link #grade} throw. Reports depend only on the submission, the course and the clock. Thread-safe:
 * {@link #grade} is synchronized (the stages keep parsers and compilers that are not), and each call works in its own
 * scratch folder, deleted afterwards.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Grader implements AutoCloseable {

    private final GraderConfig config;
    private final Course course;
    private final CourseView view;
    private final Sandbox sandbox;
    private final GradingPipeline pipeline;

    private Grader(GraderConfig config, Course course, Sandbox sandbox, GradingPipeline pipeline) {
        this.config = config;
        this.course = course;
        this.view = view(course);
        this.sandbox = sandbox;
        this.pipeline = pipeline;
    }

    /**
     * A grader for the course at {@code config.courseRoot()}; loads, validates and compiles the course (or reuses
     * its cached build). With {@code config.standby()}, its first children on standby have started when it returns.
     *
     * @throws CourseException if the exercise suite is invalid
     */
    public static Grader create(GraderConfig config) throws CourseException {
        Course course = Course.load(config.courseRoot());
        Sandbox sandbox = Sandbox.create(config.sandbox());
        GradingPipeline pipeline = GradingPipeline.create(course, sandbox, config.testJvms(), config.standby(),
                config.clock(), GraderVersion.current());
        return new Grader(config, course, sandbox, pipeline);
    }

    /** What callers may know of the loaded course: its layout and its exercises, read-only. */
    public CourseView courseView() {
        return view;
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
        List<Exercise> exercises = selectedExercises(request.exerciseIds());
        try {
            return pipeline.grade(request.submission(), request.gitRef(), exercises);
        } catch (SubmissionException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /**
     * The isolation student code gets on this machine, as this grader's sandbox would set it up now (the layers are
     * probed once per JVM). For refusing to grade below a level before anything runs.
     */
    public Isolation isolation() {
        return sandbox.isolation();
    }

    /**
     * The report of a grading refused for {@code reason} (the message of the {@link InvalidRequestException} that
     * {@link #grade} threw: what is wrong and how to fix it): score 0, no exercise graded, the submission as given,
     * no student code run. Written like any report, so an LMS shows the student why instead of nothing.
     */
    public GradeReport refusal(GradeRequest request, String reason) {
        return pipeline.refusal(request.submission(), reason);
    }

    /**
     * The last-resort report of a grading that failed for {@code reason} (what broke, and how to fix it) before any
     * grader could score it, for the course at {@code courseRoot}: status failed, score 0, no exercise graded, the
     * submission as given, no student code run, the suite hash when the course's files can still be read (else
     * empty). Needs no grader, so it is written even when none could be created (an invalid suite, a build cache
     * that cannot be read).
     */
    public static GradeReport failure(Path courseRoot, String submission, String reason) {
        Isolation none = new Isolation(true, false, System.getProperty("user.name", "unknown"), false,
                List.of("no student code ran: grading failed"));
        Provenance provenance = new Provenance(submission, Optional.empty(), List.of(), GraderVersion.current(),
                readableSuiteHash(courseRoot), none, Instant.now(), Duration.ZERO);
        return GradeReport.failed(reason, provenance);
    }

    private static String readableSuiteHash(Path courseRoot) {
        try {
            return Course.currentSuiteHash(courseRoot);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Waits, at most about {@code limit}, until the child JVMs kept on standby have warmed up, so the next grading
     * runs at full speed; for a long-lived grader that should be ready when it says so. Returns at once without
     * standby.
     */
    public synchronized void awaitStandby(Duration limit) {
        pipeline.awaitStandby(limit);
    }

    /**
     * Stops the child JVMs kept on standby, if any. The grader still grades afterwards, starting children as
     * needed, but keeps none on standby any more.
     */
    @Override
    public synchronized void close() {
        pipeline.close();
    }

    private List<Exercise> selectedExercises(List<String> ids) throws InvalidRequestException {
        if (ids.isEmpty()) {
            return course.exercises();
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (course.exercise(id).isEmpty()) {
                throw new InvalidRequestException("unknown exercise \"" + id + "\" — the course has: "
                        + String.join(", ", view.ids()));
            }
        }
        return course.exercises().stream().filter(exercise -> wanted.contains(exercise.id())).toList();
    }

    private static CourseView view(Course course) {
        return new CourseView(course.layout(), course.exercises().stream()
                .map(exercise -> new CourseView.ExerciseView(exercise.id(), exercise.title(), exercise.testPoints(),
                        exercise.maxScore(), exercise.mutants()))
                .toList());
    }
}
