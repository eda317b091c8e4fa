package dev.gradecheck.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The student's own lines around where a finding points, for the feedback page: a few lines before and after
 * {@code line}, each capped in length. Taken from the graded file as submitted.
 *
 * @param firstLine the 1-based number of the first line held
 * @param line the 1-based line the finding points at, within the lines held
 * @param lines the lines, without line ends, copied
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SourceExcerpt(int firstLine, int line, List<String> lines) {

    public SourceExcerpt {
        lines = List.copyOf(lines);
        if (firstLine < 1 || line < firstLine || line >= firstLine + lines.size()) {
            throw new IllegalArgumentException("line " + line + " must be among the lines held, " + firstLine
                    + ".." + (firstLine + lines.size() - 1));
        }
    }

    /** The number of the last line held. */
    public int lastLine() {
        return firstLine + lines.size() - 1;
    }
}
