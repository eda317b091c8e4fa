package dev.gradecheck.batch;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.course.CourseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a batch's gradings run: the batch decides what to grade and writes every output (journal, reports, class
 * files); its lanes only grade. {@link GraderLanes} grades on this machine, with warm graders (the default); the
 * cluster module's lanes put each grading on a job queue for workers and local slots to take. Either way a grading
 * is {@code bin/grader grade SUBMISSION [--ref COMMIT] --out FOLDER}: the same reports in {@code FOLDER}, the same exit
 * code. Thread-safe: the batch calls {@link #grade} from up to {@link #width} threads at once.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface BatchLanes extends AutoCloseable {

    /**
     * One grading.
     *
     * @param courseRoot the course, absolute
     * @param student the student whose submission it is
     * @param key what makes this grading unique in the batch: the hash of the submission's content, the student and
     *     the settings (hex); a grading with the same key grades to the same reports
     * @param submission the submission as given: an absolute path or a {@code file:} URL
     * @param ref the commit to grade, for a git submission
     * @param exercises the exercises to grade, empty for all
     * @param out the folder the reports go into
     */
    record Task(Path courseRoot, String student, String key, String submission, Optional<String> ref,
                List<String> exercises, Path out) {
        public Task {
            Objects.requireNonNull(courseRoot, "courseRoot");
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(ref, "ref");
            exercises = List.copyOf(exercises);
            Objects.requireNonNull(out, "out");
        }
    }

    /**
     * How a grading ended.
     *
     * @param code the exit code {@code grade} would have ended with
     * @param errors what it printed on standard error (the reason of a failure whose report has none)
     */
    record Done(ExitCode code, String errors) {
        public Done {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(errors, "errors");
        }
    }

    /** How many gradings the batch hands over at once. */
    int width();

    /**
     * Grades {@code task}, writing its reports into {@code task.out()}; blocks until it is done.
     *
     * @throws InterruptedException when the batch is stopping; nothing is recorded then
     * @throws Exception when the lanes themselves broke (not the submission: that is a report)
     */
    Done grade(Task task) throws Exception;

    /** The grader's refusal of {@code request} for {@code reason}: score 0 and why, as {@code grade} writes one. */
    GradeReport refusal(GradeRequest request, String reason) throws CourseException, InterruptedException;

    /** Stops every grading still running and every child JVM; idempotent. */
    @Override
    void close();
}
