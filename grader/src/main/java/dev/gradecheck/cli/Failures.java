package dev.gradecheck.cli;

import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps what went wrong to a message on stderr and an {@link ExitCode}. Messages may quote a submission (a file name,
 * what a {@code .git} file says), so they are printed through {@link Escape#terminal}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof CourseException) {
            err.println(Escape.terminal("error: invalid exercise suite: " + exception.getMessage()));
            err.println("Fix the exercise suite, then run again.");
            return ExitCode.INVALID_SUITE.code();
        }
        if (exception instanceof GradingRefused refused) {
            err.println(Escape.terminal("error: " + exception.getMessage()));
            refused.notes().forEach(note -> err.println(Escape.terminal(note)));
            refused.written().forEach(file -> err.println(Escape.terminal("  " + file)));
            return refused.exitCode().code();
        }
        if (exception instanceof ReportsNotWritten) {
            err.println(Escape.terminal("error: " + exception.getMessage()));
            return ExitCode.USAGE.code();
        }
        if (exception instanceof InvalidRequestException) {
            err.println(Escape.terminal("error: " + exception.getMessage()));
            err.println("Run 'grader " + commandLine.getCommandName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        }
        err.println("internal error: " + exception);
        exception.printStackTrace(err);
        err.println("This is a bug in the grader, not in the submission: please report it with the output above.");
        return ExitCode.INTERNAL.code();
    }

    /** Bad arguments: the problem, the usage, exit code 2. */
    static int usage(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println(Escape.terminal("error: " + exception.getMessage()));
        commandLine.usage(commandLine.getErr());
        return ExitCode.USAGE.code();
    }

    /** For exceptions thrown outside command execution. */
    static int exitCode(Throwable exception) {
        return exception instanceof ParameterException ? ExitCode.USAGE.code() : ExitCode.INTERNAL.code();
    }
}
