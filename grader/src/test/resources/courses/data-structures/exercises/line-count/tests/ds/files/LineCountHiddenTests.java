package ds.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dscheck.Oracle;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LineCountHiddenTests {

    /** A file every child can read, sandboxed or not: its own runtime's release notes. */
    private static final Path FILE = Path.of(System.getProperty("java.home"), "release");

    @Test
    void countsTheLinesOfAFile() {
        assertEquals(Oracle.lineCount(FILE), LineCount.lines(FILE));
    }

    @Test
    void rejectsAMissingFile() {
        assertThrows(UncheckedIOException.class, () -> LineCount.lines(FILE.resolveSibling("no-such-file")));
    }
}
