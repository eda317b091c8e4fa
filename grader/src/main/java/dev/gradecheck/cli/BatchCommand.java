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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                + "3 invalid exercise suite, 130 stopped by Ctrl-C (run again to go on).", "",
            "On several machines: bin/grader batch ... --cluster [--listen HOST:PORT] makes this batch the coordinator "
                + "of workers started with bin/grader worker --join HOST:PORT (see docs/cluster.md)."})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private BatchArguments arguments;

    @Override
    public Integer call() {
        Path courseRoot = main.courseRoot();
        Invocation invocation = main.invocation();
        PrintWriter output = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BatchOptions options;
        try {
            options = arguments.options(courseRoot, invocation::resolve);
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
}
