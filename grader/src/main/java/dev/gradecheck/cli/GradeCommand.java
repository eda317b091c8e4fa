package dev.gradecheck.cli;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.report.Escape;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.report.TextSummary;
import java.io.IOException;
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
 * {@code grade SUBMISSION [--out DIR] [--exercise ID ...] [--ref REF] [--format FORMAT ...]}. A grading refused after the arguments were
 * read (a submission that cannot be opened, a git repository that links to another one, an unknown exercise) still
 * writes both reports, score 0 and why, then exits with {@link ExitCode#USAGE} as before.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades one submission and writes report.json (gradecheck's format) and results.json "
                + "(Gradescope's), or the formats --format names, into the output folder; prints a per-exercise "
                + "summary.")
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
                    + "(junit.xml). Default: report and gradescope.")
    private List<ReportFormat> formats = new ArrayList<>();

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "With --format classroom: append the step output result=<base64> to this file. "
                    + "Default: $GITHUB_OUTPUT, when set (GitHub Actions sets it).")
    private Path githubOutput;

    @Override
    public Integer call() throws Exception {
        Path courseRoot = main.courseRoot();
        Invocation invocation = main.invocation();
        Grader grader = invocation.graders().grader(courseRoot);
        String resolved = invocation.resolveSubmission(submission);
        GradeRequest request = new GradeRequest(resolved, Optional.ofNullable(ref), exercises);
        Path outDirectory = out != null ? invocation.resolve(out)
                : courseRoot.resolve("out").resolve(Reports.submissionName(resolved));
        if (requiredIsolation != null) {
            requireIsolation(grader, request, outDirectory);
        }
        GradeReport report;
        try {
            report = grader.grade(request);
        } catch (InvalidRequestException e) {
            throw refused(grader.refusal(request, e.getMessage()), outDirectory, ExitCode.USAGE);
        }
        List<Path> written = write(report, outDirectory);
        var text = spec.commandLine().getOut();
        text.println(Escape.terminal("Graded " + submission));
        // A Classroom job's log is the student's to read: it gets the summary that names no hidden test.
        text.print(formats.contains(ReportFormat.CLASSROOM) ? TextSummary.renderForStudents(report)
                : TextSummary.render(report));
        text.println("Reports written to:");
        written.forEach(file -> text.println("  " + Escape.terminal(file.toString())));
        text.flush();
        return ExitCode.OK.code();
    }

    /** Refuses, before any student code runs, when this machine's sandbox is below the required level. */
    private void requireIsolation(Grader grader, GradeRequest request, Path outDirectory) throws GradingRefused {
        Isolation available = grader.isolation();
        if (available.level().atLeast(requiredIsolation)) {
            return;
        }
        String why = available.notes().isEmpty() ? "" : " (" + String.join("; ", available.notes()) + ")";
        String reason = "student code would run at isolation level " + available.level().id() + why
                + ", below --require-isolation " + requiredIsolation.id() + ": install what the notes name (see the "
                + "README's deployment table), or lower the requirement";
        throw refused(grader.refusal(request, reason), outDirectory, ExitCode.ISOLATION);
    }

    /** The refusal, after its report (score 0 and why) has been written, or a note that it could not be. */
    private GradingRefused refused(GradeReport report, Path outDirectory, ExitCode exitCode) {
        String reason = report.refusal().orElseThrow();
        try {
            return new GradingRefused(reason, exitCode, List.of("Nothing was graded; the reports say why (score 0):"),
                    writeReports(report, outDirectory));
        } catch (IOException e) {
            return new GradingRefused(reason, exitCode,
                    List.of("Nothing was graded, and " + Reports.unwritable(outDirectory, e)), List.of());
        }
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

    /** The chosen formats into {@code outDirectory}, and the Classroom step output when asked for. */
    private List<Path> writeReports(GradeReport report, Path outDirectory) throws IOException {
        String fromEnvironment = System.getenv("GITHUB_OUTPUT");
        Optional<Path> stepOutput = githubOutput != null ? Optional.of(main.invocation().resolve(githubOutput))
                : fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty()
                : Optional.of(Path.of(fromEnvironment));
        return Reports.write(report, outDirectory, formats, stepOutput);
    }

    private List<Path> write(GradeReport report, Path outDirectory) throws ReportsNotWritten {
        try {
            return writeReports(report, outDirectory);
        } catch (IOException e) {
            throw new ReportsNotWritten("the grading ran, but " + Reports.unwritable(outDirectory, e), e);
        }
    }
}
