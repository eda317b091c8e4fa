package dev.gradecheck.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@code bin/grader batch} was asked to do.
 *
 * @param courseRoot the course to grade against, absolute
 * @param source the class: a folder of submissions, a Gradescope export (zip or folder), a folder of GitHub Classroom
 *     repositories or a roster CSV; absolute
 * @param out where every output goes, absolute
 * @param jobs how many submissions are graded at once on this machine, 0..64 (0: only a cluster batch, whose
 *     workers grade)
 * @param manual a filled-in {@code manual.csv} to merge, if given
 * @param deadline grade a git submission at its last commit at or before this instant, if given
 * @param exercises the exercises to grade, empty for all
 * @param idColumn the name of the gradebook's student-id column (LMSs differ: Canvas wants {@code ID}...)
 */
@API(status = API.Status.EXPERIMENTAL)
public record BatchOptions(Path courseRoot, Path source, Path out, int jobs, Optional<Path> manual,
                           Optional<Instant> deadline, List<String> exercises, String idColumn) {

    public BatchOptions {
        Objects.requireNonNull(courseRoot, "courseRoot");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(manual, "manual");
        Objects.requireNonNull(deadline, "deadline");
        exercises = List.copyOf(exercises);
        Objects.requireNonNull(idColumn, "idColumn");
        if (jobs < 0 || jobs > 64) {
            throw new IllegalArgumentException("--jobs must be 0..64, was " + jobs);
        }
        if (idColumn.isBlank()) {
            throw new IllegalArgumentException("the id column name must not be blank");
        }
    }

    /** Every default: all exercises, one job per processor, no manual grades, no deadline, id column {@code student}. */
    public static BatchOptions of(Path courseRoot, Path source, Path out) {
        return new BatchOptions(courseRoot, source, out, defaultJobs(), Optional.empty(), Optional.empty(), List.of(),
                "student");
    }

    /** The number of processors: the default of {@code --jobs}. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
    }

    public BatchOptions withJobs(int count) {
        return new BatchOptions(courseRoot, source, out, count, manual, deadline, exercises, idColumn);
    }

    public BatchOptions withManual(Path file) {
        return new BatchOptions(courseRoot, source, out, jobs, Optional.of(file), deadline, exercises, idColumn);
    }

    public BatchOptions withDeadline(Instant instant) {
        return new BatchOptions(courseRoot, source, out, jobs, manual, Optional.of(instant), exercises, idColumn);
    }
}
