package dev.gradecheck.app;

import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Maps what went wrong in a task to a message on the caller's stderr and an {@link ExitCode}: a file or folder the
 * grader cannot read or write is a permission problem naming its path ({@link ExitCode#USAGE}), never an internal
 * error. A grading whose last-resort reports were written ({@link LastResort}) is reported as its failure, then where
 * the reports are. Messages may quote a submission (a file name, what a {@code .git} file says), so they are printed through {@link Escape#terminal}.
 */
@API(status = API.Status.INTERNAL)
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * Prints what {@code problem} means for the caller of {@code command} and returns the exit code to end with:
     * {@link ExitCode#INVALID_SUITE}, the refusal's own code, {@link ExitCode#USAGE} (also for a permission
     * problem), or {@link ExitCode#INTERNAL} for anything unforeseen (a bug in the grader, with its stack trace).
     */
    public static ExitCode report(Exception problem, String command, PrintWriter err) {
        if (problem instanceof GradingFailed failed) {
            ExitCode code = report(failed.failure(), command, err);
            failed.notes().forEach(note -> err.println(Escape.terminal(note)));
            failed.written().forEach(file -> err.println(Escape.terminal("  " + file)));
            return code;
        }
        Optional<AccessDeniedException> denied = accessDenied(problem);
        if (denied.isPresent()) {
            err.println(Escape.terminal("error: " + permission(denied.get())));
            return ExitCode.USAGE;
        }
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

    /** The one-line reason a last-resort report gives for {@code problem}: what broke, and how to fix it. */
    static String reason(Exception problem) {
        Optional<AccessDeniedException> denied = accessDenied(problem);
        if (denied.isPresent()) {
            return permission(denied.get());
        }
        if (problem instanceof CourseException) {
            return "invalid exercise suite: " + problem.getMessage() + " — the instructor must fix the exercise suite";
        }
        if (problem instanceof InvalidRequestException) {
            return problem.getMessage();
        }
        return "internal error in the grader (not in the submission): " + problem;
    }

    /** "permission denied: PATH — why and what to do", for a file or folder the grader cannot read or write. */
    private static String permission(AccessDeniedException denied) {
        String how = denied.getReason() != null ? denied.getReason()
                : "user " + System.getProperty("user.name", "unknown") + " cannot read or write it; fix its owner or"
                        + " mode, or run the grader as a user who can";
        return "permission denied: " + denied.getFile() + " — " + how;
    }

    /** The {@link AccessDeniedException} behind {@code problem}, however deeply wrapped. */
    private static Optional<AccessDeniedException> accessDenied(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException denied) {
                return Optional.of(denied);
            }
        }
        return Optional.empty();
    }
}
