package dev.gradecheck.pipeline;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentFileLocator;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The grading of one submission, step by step: intake → locate the student files → the test scheduler's plan → per
 * group of the plan: the front stages (compile, structure, bytecode) of its exercises, then its hidden tests start in
 * its sandboxed child → the run's results → scoring → the student's lines around each finding → the report. The
 * {@link dev.gradecheck.Grader} facade validates the request and calls {@link #grade}; this class is plumbing, not API.
 *
 * <p>Student mistakes, however bad, end up in the report; nothing a submission contains makes {@link #grade} throw.
 * Each grading works in its own scratch folder from the {@link StandbyPool}, deleted afterwards. Not thread-safe: the
 * facade grades one submission at a time.
 */
@API(status = API.Status.INTERNAL)
public final class GradingPipeline implements AutoCloseable {

    private final Course course;
    private final FrontStages front;
    private final StandbyPool pool;
    private final ReportAssembler reports;
    private final Clock clock;

    private GradingPipeline(Course course, FrontStages front, StandbyPool pool, ReportAssembler reports, Clock clock) {
        this.course = course;
        this.front = front;
        this.pool = pool;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * The pipeline of {@code course}: its front stages set up, and with {@code standby} its first children started.
     *
     * @param testJvms how many child JVMs run one submission's exercises side by side
     * @param standby whether children are kept started and warmed up for the next submission
     * @param clock the only source of time in reports
     * @param graderVersion the version the reports name
     * @throws CourseException if a manifest declares a structure rule the structure stage does not accept
     */
    public static GradingPipeline create(Course course, Sandbox sandbox, int testJvms, boolean standby, Clock clock,
                                         String graderVersion) throws CourseException {
        Sandbox limited = sandbox.withSettings(ChildLimits.applied(sandbox.settings(), course.settings().limits()));
        FrontStages front = FrontStages.of(course,
                () -> sandbox.isolation().level().atLeast(IsolationLevel.FILESYSTEM));
        StandbyPool pool = standby ? StandbyPool.keeping(limited, testJvms, course) : StandbyPool.none(limited, testJvms);
        return new GradingPipeline(course, front, pool, new ReportAssembler(course.suiteHash(), graderVersion, clock),
                clock);
    }

    /**
     * Grades these exercises of one submission.
     *
     * @param submission a directory, a {@code .zip} file, or a git repository (path or {@code file:} URL)
     * @param gitRef the branch, tag or commit to grade of a git repository; empty for its HEAD
     * @param exercises the exercises to grade, in course order
     * @throws SubmissionException if the submission cannot be opened
     */
    public GradeReport grade(String submission, Optional<String> gitRef, List<Exercise> exercises)
            throws SubmissionException {
        Instant startedAt = clock.instant();
        StandbyPool.Lease lease = pool.take();
        try {
            Submission opened = Intake.create(lease.scratch().resolve("intake")).open(submission, gitRef);
            ChildJvms children = lease.children();
            LocatedFiles located = StudentFileLocator.locate(opened, course.studentFiles(), course.providedFiles(),
                    course.answerFiles());
            TestPlan plan = TestScheduler.plan(exercises, children, course.build(), course.settings().limits());
            List<ExerciseCheck> checked = checkAndStartTests(plan, located, lease.scratch().resolve("classes"));
            Optional<SandboxRun> run = plan.finish();
            List<ExerciseReport> scored = SourceExcerpts.attach(
                    ExerciseScoring.score(inOrderOf(exercises, checked), run), located);
            return reports.assemble(scored, exercises, opened, located, run, startedAt);
        } finally {
            pool.release(lease);
        }
    }

    /**
     * The front stages, group by group in the plan's order; each group's tests start as soon as its exercises are
     * checked, while the next group's are checked.
     */
    private List<ExerciseCheck> checkAndStartTests(TestPlan plan, LocatedFiles located, Path classes) {
        List<ExerciseCheck> checked = new ArrayList<>();
        try (FrontStages.Run checking = front.start(plan.checkOrder(), located, classes)) {
            for (TestPlan.Group group : plan.groups()) {
                List<ExerciseCheck> checks = checking.check(group.exercises());
                plan.start(group, checks);
                checked.addAll(checks);
            }
        }
        return checked;
    }

    private static List<ExerciseCheck> inOrderOf(List<Exercise> exercises, List<ExerciseCheck> checks) {
        Map<String, ExerciseCheck> byId = new HashMap<>();
        checks.forEach(check -> byId.put(check.exercise().id(), check));
        return exercises.stream().map(exercise -> byId.get(exercise.id())).toList();
    }

    /**
     * The report of a grading refused for {@code reason}: score 0, no exercise graded, the submission as given, no
     * student code run.
     */
    public GradeReport refusal(String submission, String reason) {
        return reports.refusal(submission, reason);
    }

    /** Waits, at most about {@code limit}, until the children on standby have warmed up; at once without standby. */
    public void awaitStandby(Duration limit) {
        pool.awaitWarmedUp(limit);
    }

    /** Stops the children on standby, if any; gradings afterwards start their own. */
    @Override
    public void close() {
        pool.close();
    }
}
