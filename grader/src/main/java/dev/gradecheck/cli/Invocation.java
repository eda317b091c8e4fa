package dev.gradecheck.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one command line run happens in: the working directory that relative paths are resolved against (the
 * caller's, which in the grading server is not the server's own) and where graders come from.
 *
 * @param workingDirectory absolute
 * @param graders where commands get their grader
 */
record Invocation(Path workingDirectory, Graders graders) {

    Invocation {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(graders, "graders");
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("the working directory must be absolute, was " + workingDirectory);
        }
    }

    /** This process's working directory and a fresh grader per command. */
    static Invocation local() {
        return new Invocation(Path.of("").toAbsolutePath(), Graders.fresh());
    }

    /** {@code path} against the working directory. */
    Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /**
     * A submission argument against the working directory: a relative path becomes absolute; {@code file:} and other
     * URLs, and text that is no path at all, stay as given (intake explains what is wrong with them).
     */
    String resolveSubmission(String submission) {
        String given = submission.strip();
        if (given.isEmpty() || given.matches("(?i)^[a-z][a-z0-9+.-]+:.*") || given.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            return submission;
        }
        try {
            return resolve(Path.of(given)).toString();
        } catch (InvalidPathException e) {
            return submission;
        }
    }
}
