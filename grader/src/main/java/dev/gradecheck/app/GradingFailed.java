package dev.gradecheck.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A grading that broke after the request was read (an invalid suite, a file the grader cannot read or write, an
 * internal error), once the last-resort reports saying so have been written, or could not be. {@link ErrorMessages}
 * reports {@link #failure() the failure} as it would without reports, with its exit code, then {@code notes} and
 * {@code written}.
 */
final class GradingFailed extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> notes;
    private final transient List<Path> written;

    GradingFailed(Exception cause, List<String> notes, List<Path> written) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
        this.notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        this.written = List.copyOf(Objects.requireNonNull(written, "written"));
    }

    /** What broke. */
    Exception failure() {
        return (Exception) getCause();
    }

    /** Lines to print after the failure. */
    List<String> notes() {
        return notes;
    }

    /** The reports written, score 0 and why; empty if they could not be. */
    List<Path> written() {
        return written;
    }
}
