package dev.gradecheck.cli;

import dev.gradecheck.app.ErrorMessages;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.batch.Batch;
import dev.gradecheck.batch.BatchOptions;
import dev.gradecheck.batch.BatchRefused;
import dev.gradecheck.batch.BatchResult;
import dev.gradecheck.batch.Progress;
import dev.gradecheck.report.Escape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code batch SOURCE --out DIR [--jobs N] [--manual GRADES.csv] [--deadline ISO-8601] ...}: {@link Batch}'s shim. */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Grades a whole class, each submission exactly as 'grade' does, several at once, and writes "
                + "DIR/<student>/report.json and results.json, gradebook.csv, class.json, dashboard.html and manual.csv. "
                + "Resumable: "
                + "run the same command again after a stop or crash and only what is missing or changed is graded.",
            "SOURCE is a folder with one sub-folder, zip or git repository per student (the name is the student id); "
                + "a Gradescope \"Export Submissions\" zip or its unpacked folder (submission_metadata.yml names the "
                + "students); a folder of GitHub Classroom repositories (assignment-login); or a roster CSV with the "
                + "columns student,source[,ref][,name][,email]."},
        footer = {"", "Exit codes: 0 the batch ran (whatever the scores, some submissions perhaps not gradable), "
                + "1 internal error, 2 usage error (bad source, output folder or manual grades file), "
                + "3 invalid exercise suite, 130 stopped by Ctrl-C (run again to go on)."})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The class: a folder, a Gradescope export (zip or "
            + "folder), a folder of Classroom repositories, or a roster .csv.")
    private Path source;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where every output goes (created).")
    private Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "How many submissions are graded at once, each in its "
            + "own child JVM. Default: the number of processors (${DEFAULT-VALUE}).")
    private int jobs = BatchOptions.defaultJobs();

    @Option(names = "--manual", paramLabel = "GRADES.csv", description = "A filled-in manual.csv: its points and "
            + "comments are merged into every output without regrading. A file with a bad row is refused whole.")
    private Path manual;

    @Option(names = "--deadline", paramLabel = "ISO-8601", description = "Grade each git submission at its last commit "
            + "at or before this time (by committer date), e.g. 2025-03-01T23:59:00+01:00; the gradebook names the "
            + "commit and its time.")
    private String deadline;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--id-column", paramLabel = "NAME", description = "The name of gradebook.csv's student-id column, "
            + "as your LMS's import expects it. Default: ${DEFAULT-VALUE}.")
    private String idColumn = "student";

    @Override
    public Integer call() {
        Path courseRoot = main.courseRoot();
        Invocation invocation = main.invocation();
        PrintWriter output = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BatchOptions options;
        try {
            options = new BatchOptions(courseRoot, invocation.resolve(source), invocation.resolve(out), jobs,
                    Optional.ofNullable(manual).map(invocation::resolve), parseDeadline(), exercises, idColumn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Progress progress = System.console() != null ? Progress.bar(err) : Progress.lines(output);
        try {
            BatchResult result = Batch.run(options, progress);
            return result.stopped() ? 130 : ExitCode.OK.code();
        } catch (BatchRefused e) {
            err.println(Escape.terminal("error: " + e.getMessage()));
            return ExitCode.USAGE.code();
        } catch (Exception e) {
            return ErrorMessages.report(e, "batch", err).code();
        } finally {
            output.flush();
            err.flush();
        }
    }

    private Optional<Instant> parseDeadline() {
        if (deadline == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(deadline).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--deadline \"" + deadline + "\" is not an ISO-8601 time with an offset"
                    + " — write it as 2025-03-01T23:59:00+01:00 or 2025-03-01T22:59:00Z");
        }
    }
}
