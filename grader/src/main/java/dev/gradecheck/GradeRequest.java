package dev.gradecheck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One submission to grade.
 *
 * @param submission a directory, a {@code .zip} file, or a git repository (path or {@code file:} URL)
 * @param gitRef the branch, tag or commit to grade when the submission is a git repository; empty for its HEAD
 * @param exerciseIds the exercises to grade, in any order; empty for all of them
 */
@API(status = API.Status.STABLE, since = "0.1")
public record GradeRequest(String submission, Optional<String> gitRef, List<String> exerciseIds) {

    public GradeRequest {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(gitRef, "gitRef");
        exerciseIds = List.copyOf(exerciseIds);
    }

    /** Grades every exercise of {@code submission}. */
    public static GradeRequest of(String submission) {
        return new GradeRequest(submission, Optional.empty(), List.of());
    }

    /** This request restricted to some exercises. */
    public GradeRequest onlyExercises(List<String> ids) {
        return new GradeRequest(submission, gitRef, ids);
    }
}
