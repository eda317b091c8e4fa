package dev.gradecheck.cli;

import dev.gradecheck.app.Graders;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one command line run happens in: the working directory that relative paths are resolved against, and where
 * graders come from.
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
}
