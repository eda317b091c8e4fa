package ds.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts lines. */
public final class LineCount {

    private LineCount() {
    }

    /** The number of lines of {@code file}; an {@link java.io.UncheckedIOException} when it cannot be read. */
    public static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
