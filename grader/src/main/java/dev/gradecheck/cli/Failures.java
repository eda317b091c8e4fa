package dev.gradecheck.cli;

import dev.gradecheck.app.ErrorMessages;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.report.Escape;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps what went wrong to a message on stderr and an {@link ExitCode}: bad arguments here, failures of a command
 * through {@link ErrorMessages}. Messages may quote a submission, so they are printed through {@link Escape#terminal}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter writer = new PrintWriter(err, true);
        int code = ErrorMessages.report(exception, commandLine.getCommandName(), writer).code();
        writer.flush();
        return code;
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
