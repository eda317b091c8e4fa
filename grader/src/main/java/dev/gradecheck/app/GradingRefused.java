package dev.gradecheck.app;

import dev.gradecheck.InvalidRequestException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A grading refused after the arguments were read, once the reports saying why have been written (or could not
 * be). {@link ErrorMessages} prints the refusal, then {@code notes} and {@code written}, and exits with {@code exitCode}:
 * {@link ExitCode#USAGE} for a request that cannot be carried out, {@link ExitCode#ISOLATION} for isolation below
 * what {@code --require-isolation} asks.
 */
final class GradingRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> notes;
    private final transient List<Path> written;
    private final ExitCode exitCode;

    GradingRefused(String reason, ExitCode exitCode, List<String> notes, List<Path> written) {
        super(reason);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
        this.notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        this.written = List.copyOf(Objects.requireNonNull(written, "written"));
    }

    /** The exit code to end with. */
    ExitCode exitCode() {
        return exitCode;
    }

    /** Lines to print after the refusal. */
    List<String> notes() {
        return notes;
    }

    /** The reports written, score 0 and why; empty if they could not be. */
    List<Path> written() {
        return written;
    }
}
