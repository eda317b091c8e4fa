package dev.gradecheck.app;

import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.report.ReportFormat;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One task for the grader, as the command line reads it from its arguments and the grading server from its wire:
 * what to do, where the caller is, and what of the caller's environment matters. Relative paths ({@code course},
 * {@code submission}, {@code out}) are the caller's, resolved against {@code workingDirectory}; the course is found
 * from {@code course}, else the caller's {@code GRADECHECK_COURSE}, else the nearest course above the working
 * directory — never from the environment of the process that runs the task.
 *
 * @param task grade, demo or verify
 * @param workingDirectory the caller's working directory, absolute
 * @param course the caller's {@code --course}, if given
 * @param environment the caller's variables among {@link #ENVIRONMENT}; others are dropped
 * @param submission what to grade: required for {@link Task#GRADE}, absent otherwise
 * @param ref the branch, tag or commit of a git submission ({@link Task#GRADE} only)
 * @param exercises the exercises to grade or verify, empty for all ({@link Task#DEMO}: empty)
 * @param out where to write the reports ({@link Task#GRADE} only); default {@code out/<submission name>/} of the course
 * @param requiredIsolation refuse to grade below this isolation level ({@link Task#GRADE} only)
 * @param formats the report formats to write, each once, in this order; empty for {@link ReportFormat#DEFAULTS}
 *     ({@link Task#GRADE} only). A refused or failed grading is written in these formats too
 * @param githubOutput with {@link ReportFormat#CLASSROOM}: the file to append the step output {@code result=...} to;
 *     when absent, the caller's {@value #GITHUB_OUTPUT} if set ({@link Task#GRADE} only)
 * @param submissionMetadata Gradescope's {@code submission_metadata.json}, from which a course's rate limit is
 *     decided ({@link Task#GRADE} only); without it no rate limit applies
 */
@API(status = API.Status.INTERNAL)
public record GradingRequest(Task task, Path workingDirectory, Optional<Path> course, Map<String, String> environment,
                             Optional<String> submission, Optional<String> ref, List<String> exercises,
                             Optional<Path> out, Optional<IsolationLevel> requiredIsolation,
                             List<ReportFormat> formats, Optional<Path> githubOutput,
                             Optional<Path> submissionMetadata) {

    /** The step-output file GitHub Actions names in each step's environment. */
    public static final String GITHUB_OUTPUT = "GITHUB_OUTPUT";

    /** The caller's environment variables a task reads. */
    public static final Set<String> ENVIRONMENT = Set.of(CourseLocator.ENVIRONMENT_VARIABLE, GITHUB_OUTPUT);

    /** What the grader is asked to do. */
    public enum Task {
        /** Grade one submission and write its reports. */
        GRADE("grade"),
        /** Grade the bundled submissions and print a score table. */
        DEMO("demo"),
        /** Verify the exercise suite. */
        VERIFY("verify");

        private final String id;

        Task(String id) {
            this.id = id;
        }

        /** The command's name: {@code grade}, {@code demo}, {@code verify}. */
        public String id() {
            return id;
        }

        /** The task named {@code id}, if any. */
        public static Optional<Task> byId(String id) {
            return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
        }
    }

    public GradingRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(requiredIsolation, "requiredIsolation");
        Objects.requireNonNull(githubOutput, "githubOutput");
        Objects.requireNonNull(submissionMetadata, "submissionMetadata");
        formats = List.copyOf(Objects.requireNonNull(formats, "formats"));
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("the working directory must be an absolute path, was \""
                    + workingDirectory + "\"");
        }
        environment = relevant(Objects.requireNonNull(environment, "environment"));
        exercises = List.copyOf(Objects.requireNonNull(exercises, "exercises"));
        if ((task == Task.GRADE) != submission.isPresent()) {
            throw new IllegalArgumentException(task == Task.GRADE ? "grade needs a submission"
                    : task.id() + " takes no submission");
        }
        if (task != Task.GRADE && (ref.isPresent() || out.isPresent() || requiredIsolation.isPresent()
                || !formats.isEmpty() || githubOutput.isPresent() || submissionMetadata.isPresent())) {
            throw new IllegalArgumentException(task.id() + " takes no ref, out folder, required isolation, format,"
                    + " GitHub output file or submission metadata");
        }
        if (task == Task.DEMO && !exercises.isEmpty()) {
            throw new IllegalArgumentException("demo grades every exercise; it takes no exercise list");
        }
    }

    /** A request without submission metadata (so without a rate limit). */
    public GradingRequest(Task task, Path workingDirectory, Optional<Path> course, Map<String, String> environment,
                          Optional<String> submission, Optional<String> ref, List<String> exercises,
                          Optional<Path> out, Optional<IsolationLevel> requiredIsolation,
                          List<ReportFormat> formats, Optional<Path> githubOutput) {
        this(task, workingDirectory, course, environment, submission, ref, exercises, out, requiredIsolation,
                formats, githubOutput, Optional.empty());
    }

    /** A request writing the default formats, with no GitHub step-output file of its own. */
    public GradingRequest(Task task, Path workingDirectory, Optional<Path> course, Map<String, String> environment,
                          Optional<String> submission, Optional<String> ref, List<String> exercises,
                          Optional<Path> out, Optional<IsolationLevel> requiredIsolation) {
        this(task, workingDirectory, course, environment, submission, ref, exercises, out, requiredIsolation,
                List.of(), Optional.empty());
    }

    /** Grade {@code submission} with every default: all exercises, reports under the course's {@code out/}. */
    public static GradingRequest grade(Path workingDirectory, Path course, String submission) {
        return new GradingRequest(Task.GRADE, workingDirectory, Optional.of(course), Map.of(), Optional.of(submission),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /** As this request, writing its reports into {@code folder}. */
    public GradingRequest withOut(Path folder) {
        return new GradingRequest(task, workingDirectory, course, environment, submission, ref, exercises,
                Optional.of(folder), requiredIsolation, formats, githubOutput, submissionMetadata);
    }

    /** As this request, writing {@code chosen} formats (empty: the defaults). */
    public GradingRequest withFormats(List<ReportFormat> chosen) {
        return new GradingRequest(task, workingDirectory, course, environment, submission, ref, exercises, out,
                requiredIsolation, chosen, githubOutput, submissionMetadata);
    }

    /** The formats to write: {@link #formats}, or the defaults when none was named. */
    public List<ReportFormat> formatsToWrite() {
        return formats.isEmpty() ? ReportFormat.DEFAULTS : formats;
    }

    /**
     * Where the Classroom step output goes: {@link #githubOutput} against the working directory, else the caller's
     * {@value #GITHUB_OUTPUT} when set and not blank; empty unless {@link ReportFormat#CLASSROOM} is written.
     */
    public Optional<Path> stepOutputFile() {
        if (!formatsToWrite().contains(ReportFormat.CLASSROOM)) {
            return Optional.empty();
        }
        if (githubOutput.isPresent()) {
            return githubOutput.map(this::resolve);
        }
        String fromEnvironment = environment.get(GITHUB_OUTPUT);
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty()
                : Optional.of(resolve(Path.of(fromEnvironment)));
    }

    /** The course root: see the class comment. */
    public Path courseRoot() {
        return CourseLocator.locate(course.map(this::resolve).orElse(null),
                environment.get(CourseLocator.ENVIRONMENT_VARIABLE), workingDirectory);
    }

    /** {@code path} against the caller's working directory. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** The submission against the caller's working directory; see {@link #resolveSubmission(Path, String)}. */
    String resolvedSubmission() {
        return resolveSubmission(workingDirectory, submission.orElseThrow());
    }

    /**
     * A submission argument against {@code workingDirectory}: a relative path becomes absolute; {@code file:} and
     * other URLs, and text that is no path at all, stay as given (intake explains what is wrong with them).
     */
    public static String resolveSubmission(Path workingDirectory, String submission) {
        String given = submission.strip();
        if (given.isEmpty() || given.matches("(?i)^[a-z][a-z0-9+.-]+:.*") || given.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            return submission;
        }
        try {
            return workingDirectory.resolve(Path.of(given)).normalize().toString();
        } catch (InvalidPathException e) {
            return submission;
        }
    }

    private static Map<String, String> relevant(Map<String, String> environment) {
        Map<String, String> kept = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (ENVIRONMENT.contains(name) && value != null) {
                kept.put(name, value);
            }
        });
        return Map.copyOf(kept);
    }
}
