package dev.gradecheck.cli;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.TextSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code grade SUBMISSION [--out DIR] [--exercise ID ...] [--ref REF]}. */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades one submission and writes report.json (gradecheck's format) and results.json "
                + "(Gradescope's) into the output folder; prints a per-exercise summary.")
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

    @Override
    public Integer call() throws Exception {
        Path courseRoot = main.courseRoot();
        Invocation invocation = main.invocation();
        Grader grader = invocation.graders().grader(courseRoot);
        String resolved = invocation.resolveSubmission(submission);
        GradeReport report = grader.grade(new GradeRequest(resolved, Optional.ofNullable(ref), exercises));
        Path outDirectory = out != null ? invocation.resolve(out)
                : courseRoot.resolve("out").resolve(Reports.submissionName(resolved));
        List<Path> written = Reports.writeAll(report, outDirectory);
        var text = spec.commandLine().getOut();
        text.println("Graded " + submission);
        text.print(TextSummary.render(report));
        text.println("Reports written to:");
        written.forEach(file -> text.println("  " + file));
        text.flush();
        return ExitCode.OK.code();
    }
}
