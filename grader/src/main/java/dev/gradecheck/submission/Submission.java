package dev.gradecheck.submission;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An opened submission: a folder the grader can read.
 *
 * @param origin what was submitted, as given: an absolute path or a {@code file:} URL
 * @param root the folder holding the submission's files (the folder itself, or a scratch copy for a zip or git
 *     repository)
 * @param gitCommit the full commit id that was checked out, when the submission was a git repository
 * @param files every file below {@code root} (regular files and symbolic links, never folders), relative to
 *     {@code root}, sorted by their forward-slash form; the {@code .git} folder is left out
 */
@API(status = API.Status.INTERNAL)
public record Submission(String origin, Path root, Optional<String> gitCommit, List<Path> files) {

    public Submission {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(gitCommit, "gitCommit");
        files = List.copyOf(files);
    }

    /** The path of {@code file} (one of {@link #files()}) as the report shows it: relative, with forward slashes. */
    public static String displayPath(Path file) {
        return file.toString().replace('\\', '/');
    }
}
