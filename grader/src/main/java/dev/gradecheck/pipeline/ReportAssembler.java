package dev.gradecheck.pipeline;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.sandbox.SandboxRun;
import dev.gradecheck.scoring.Points;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reports step: one {@link GradeReport} from the scored exercises — totals, the files not used, provenance
 * (submission, graded files, grader version, suite hash, isolation, time) and integrity. A report depends only on the
 * submission, the course and the clock. Immutable and thread-safe.
 */
final class ReportAssembler {

    private final String suiteHash;
    private final String graderVersion;
    private final Clock clock;

    ReportAssembler(String suiteHash, String graderVersion, Clock clock) {
        this.suiteHash = Objects.requireNonNull(suiteHash, "suiteHash");
        this.graderVersion = Objects.requireNonNull(graderVersion, "graderVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The report of a grading that started at {@code startedAt} and ends now.
     *
     * @param scored the exercises' reports, in the order of {@code exercises}
     * @param exercises the graded exercises
     * @param run the hidden tests' run; empty when no exercise was runnable
     */
    GradeReport assemble(List<ExerciseReport> scored, List<Exercise> exercises, Submission submission,
                         LocatedFiles located, Optional<SandboxRun> run, Instant startedAt) {
        Duration duration = Duration.between(startedAt, clock.instant());
        Provenance provenance = provenance(submission, gradedFiles(exercises, located), run, startedAt, duration);
        double score = Points.round(scored.stream().mapToDouble(ExerciseReport::score).sum());
        double max = Points.round(scored.stream().mapToDouble(ExerciseReport::maxScore).sum());
        double pending = Points.round(scored.stream().mapToDouble(ExerciseReport::pendingManualPoints).sum());
        List<IgnoredPath> ignored = located.ignored().stream()
                .map(file -> new IgnoredPath(file.submissionPath(), file.reason()))
                .sorted(Comparator.comparing(IgnoredPath::path))
                .toList();
        return new GradeReport(score, max, pending, scored, ignored, provenance,
                run.map(SandboxRun::integrity).orElse(Integrity.NONE));
    }

    /**
     * The report of a grading refused for {@code reason} (what is wrong and how to fix it): score 0, no exercise
     * graded, the submission as given, no student code run.
     */
    GradeReport refusal(String submission, String reason) {
        Isolation none = new Isolation(true, false, System.getProperty("user.name", "unknown"), false,
                List.of("no student code ran: the grading was refused"));
        Provenance provenance = new Provenance(submission, Optional.empty(), List.of(), graderVersion, suiteHash, none,
                clock.instant(), Duration.ZERO);
        return GradeReport.refused(reason, provenance);
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
        return new Provenance(submission.origin(), submission.gitCommit(), files, graderVersion, suiteHash, isolation,
                startedAt, duration);
    }
}
