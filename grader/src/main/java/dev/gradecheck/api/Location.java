package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a finding points: a file of the submission (as the student sees its path) and, when known, a line and column.
 *
 * @param file path relative to the submission root, with forward slashes, never null (may be empty for "whole submission")
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, were " + line + ":" + column);
        }
    }

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    /** {@code Mlp.java:41:9}, or less when line or column are unknown. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
