package dev.gradecheck.cli;

import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps what went wrong to a message on stderr and an {@link ExitCode}: a file or folder the grader cannot read or write
 * is a permission problem naming its path (exit code 2), never an internal error. Messages may quote a submission (a file name,
 * what a {@code .git} file says), so they are printed through {@link Escape#terminal}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof GradingFailed failed) {
            int code = handleExecutionException(failed.failure(), commandLine, parseResult);
            failed.notes().forEach(note -> err.println(Escape.terminal(note)));
            failed.written().forEach(file -> err.println(Escape.terminal("  " + file)));
            return code;
        }
        Optional<AccessDeniedException> denied = accessDenied(exception);
        if (denied.isPresent()) {
            err.println(Escape.terminal("error: " + permission(denied.get())));
            return ExitCode.USAGE.code();
        }
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

    /** The one-line reason a last-resort report gives for {@code exception}: what broke, and how to fix it. */
    static String reason(Exception exception) {
        Optional<AccessDeniedException> denied = accessDenied(exception);
        if (denied.isPresent()) {
            return permission(denied.get());
        }
        if (exception instanceof CourseException) {
            return "invalid exercise suite: " + exception.getMessage() + " — the instructor must fix the exercise suite";
        }
        if (exception instanceof InvalidRequestException) {
            return exception.getMessage();
        }
        return "internal error in the grader (not in the submission): " + exception;
    }

    /** "permission denied: PATH — why and what to do", for a file or folder the grader cannot read or write. */
    private static String permission(AccessDeniedException denied) {
        String how = denied.getReason() != null ? denied.getReason()
                : "user " + System.getProperty("user.name", "unknown") + " cannot read or write it; fix its owner or"
                        + " mode, or run the grader as a user who can";
        return "permission denied: " + denied.getFile() + " — " + how;
    }

    /** The {@link AccessDeniedException} behind {@code exception}, however deeply wrapped. */
    private static Optional<AccessDeniedException> accessDenied(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException denied) {
                return Optional.of(denied);
            }
        }
        return Optional.empty();
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
