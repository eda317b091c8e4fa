package dev.gradecheck.app;

import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import java.io.PrintWriter;

/**
 * Maps what went wrong in a task to a message on the caller's stderr and an {@link ExitCode}. Messages may quote a
 * submission (a file name, what a {@code .git} file says), so they are printed through {@link Escape#terminal}.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * Prints what {@code problem} means for the caller of {@code command} and returns the exit code to end with:
     * {@link ExitCode#INVALID_SUITE}, the refusal's own code, {@link ExitCode#USAGE}, or {@link ExitCode#INTERNAL}
     * for anything unforeseen (a bug in the grader, with its stack trace).
     */
    public static ExitCode report(Exception problem, String command, PrintWriter err) {
        if (problem instanceof CourseException) {
            err.println(Escape.terminal("error: invalid exercise suite: " + problem.getMessage()));
            err.println("Fix the exercise suite, then run again.");
            return ExitCode.INVALID_SUITE;
        }
        if (problem instanceof GradingRefused refused) {
            err.println(Escape.terminal("error: " + problem.getMessage()));
            refused.notes().forEach(note -> err.println(Escape.terminal(note)));
            refused.written().forEach(file -> err.println(Escape.terminal("  " + file)));
            return refused.exitCode();
        }
        if (problem instanceof ReportsNotWritten) {
            err.println(Escape.terminal("error: " + problem.getMessage()));
            return ExitCode.USAGE;
        }
        if (problem instanceof InvalidRequestException) {
            err.println(Escape.terminal("error: " + problem.getMessage()));
            err.println("Run 'grader " + command + " --help' for usage.");
            return ExitCode.USAGE;
        }
        err.println("internal error: " + problem);
        problem.printStackTrace(err);
        err.println("This is a bug in the grader, not in the submission: please report it with the output above.");
        return ExitCode.INTERNAL;
    }
}
