package dev.gradecheck.cli;

import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.report.TextSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code grade SUBMISSION [--out DIR] [--exercise ID ...] [--ref REF] [--format FORMAT ...] [--submission-metadata
 * FILE] [--verbose]}. A grading refused after the arguments were
 * read (a submission that cannot be opened, a git repository that links to another one, an unknown exercise) still
 * writes every requested format, score 0 and why, then exits with {@code ExitCode.USAGE}; one that breaks after that
 * (an invalid suite, a permission problem, an internal error) writes last-resort reports in every requested format
 * (status {@code failed}) and keeps its exit code. The grading itself, and both of these, are {@link Tasks}'.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades one submission and writes report.json (gradecheck's format), results.json "
                + "(Gradescope's) and feedback.html (the student's feedback page), or the formats --format names, "
                + "into the output folder; prints a per-exercise summary.")
final class GradeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSION",
            description = "A folder (a copy of the template, or a flat folder of .java files), a .zip file, "
                    + "or a git repository (path or file: URL).")
    private String submission;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the reports. Default: out/<submission name>/ under the course root.")
    private Path out;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--ref", paramLabel = "REF", description = "The branch, tag or commit to grade in a git repository.")
    private String ref;

    @Option(names = "--require-isolation", paramLabel = "LEVEL", converter = IsolationLevels.class,
            description = "Refuse to grade (exit code 5, reports saying why) unless student code runs at least this "
                    + "isolated: process, network, filesystem or own-user (see the README). Default: grade at "
                    + "whatever level this machine reaches; the report records it.")
    private IsolationLevel requiredIsolation;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Formats.class,
            description = "Write this format (repeatable): report (report.json), gradescope (results.json), "
                    + "prairielearn (prairielearn-results.json), classroom (classroom-result.json), junit-xml "
                    + "(junit.xml), html (feedback.html). Default: report, gradescope and html.")
    private List<ReportFormat> formats = new ArrayList<>();

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "With --format classroom: append the step output result=<base64> to this file. "
                    + "Default: $GITHUB_OUTPUT, when set (GitHub Actions sets it).")
    private Path githubOutput;

    @Option(names = "--submission-metadata", paramLabel = "FILE",
            description = "Gradescope's submission_metadata.json: with a rate limit in the course's course.json, a "
                    + "submission over it is not graded and results.json keeps the last score (see the README). "
                    + "Without it no rate limit applies. run_autograder passes /autograder/submission_metadata.json.")
    private Path submissionMetadata;

    @Option(names = "--verbose", description = "Show every message in full, every diagnosis, each test (no line per "
            + "exercise for tests that only met stubs) and what each test printed.")
    private boolean verbose;

    @Override
    public Integer call() {
        Path courseRoot = main.courseRoot();
        Invocation invocation = main.invocation();
        GradingRequest request = new GradingRequest(GradingRequest.Task.GRADE, invocation.workingDirectory(),
                Optional.of(courseRoot), System.getenv(), Optional.of(submission), Optional.ofNullable(ref), exercises,
                Optional.ofNullable(out), Optional.ofNullable(requiredIsolation), formats,
                Optional.ofNullable(githubOutput), Optional.ofNullable(submissionMetadata));
        return Tasks.run(request, invocation.graders(), spec.commandLine().getOut(), spec.commandLine().getErr(),
                verbose ? TextSummary.Detail.VERBOSE : TextSummary.Detail.COMPACT).code();
    }

    /** Reads a level by its id ({@code own-user}), with the list of levels when it is none of them. */
    static final class IsolationLevels implements CommandLine.ITypeConverter<IsolationLevel> {
        @Override
        public IsolationLevel convert(String value) {
            return IsolationLevel.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not an isolation level; use one of " + Arrays.stream(IsolationLevel.values())
                            .map(IsolationLevel::id).collect(Collectors.joining(", "))));
        }
    }

    /** Reads a format by its id ({@code junit-xml}), with the list of formats when it is none of them. */
    static final class Formats implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a report format; use one of " + ReportFormat.ids()));
        }
    }
}
