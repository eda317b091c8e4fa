package dev.gradecheck.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Opens a submission into a folder the grader can read.
 *
 * <ul>
 *   <li>A folder (a copy of the template, or a flat folder of {@code .java} files as LMS uploads are) is read in
 *       place, as it is on disk, uncommitted changes included.</li>
 *   <li>A {@code .zip} file is extracted safely into the scratch folder.</li>
 *   <li>A git repository is cloned into the scratch folder and the ref (default: its HEAD) is checked out; the commit
 *       is recorded. A git repository is a {@code file:} URL, a bare repository, or any folder when a ref is given
 *       (to grade the last commit of a working copy rather than its files on disk, pass the ref {@code HEAD}). A
 *       repository that is only a link to another one ({@code .git} a file or a symbolic link, {@code commondir},
 *       alternates or symbolic links leading out of it) is refused: it would grade someone else's commits.</li>
 * </ul>
 *
 * <p>Symbolic links in a folder are listed but never followed (the locator ignores them), and none are created from
 * a zip or a git checkout, so a link to {@code /etc/passwd} or to the course's solutions is never read as a student
 * file.
 *
 * <p>Everything written goes below the scratch folder, which the caller owns and deletes. Thread-safe: each call
 * uses its own sub-folder.
 */
@API(status = API.Status.INTERNAL)
public final class Intake {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private final Path scratch;

    private Intake(Path scratch) {
        this.scratch = scratch;
    }

    /** An intake writing extracted and cloned submissions below {@code scratchDirectory} (created when needed). */
    public static Intake create(Path scratchDirectory) {
        return new Intake(Objects.requireNonNull(scratchDirectory, "scratchDirectory").toAbsolutePath().normalize());
    }

    /**
     * Opens {@code submission}: a path to a folder, a {@code .zip} file or a git repository, or a {@code file:} URL
     * of a git repository.
     *
     * @param gitRef a branch, tag or commit to check out; only for git repositories
     * @return the opened submission, never null
     * @throws SubmissionException only when the submission cannot be opened at all (missing path, unreadable or
     *     unsafe zip, not a git repository, a link to another repository, unknown ref); the message says what and
     *     how to fix it
     */
    public Submission open(String submission, Optional<String> gitRef) throws SubmissionException {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(gitRef, "gitRef");
        String given = submission.strip();
        if (given.regionMatches(true, 0, "file:", 0, 5)) {
            return new GitCheckout(scratch).checkout(given, fileUrlPath(given), gitRef);
        }
        if (given.matches("(?i)^[a-z][a-z0-9+.-]+://.*") || given.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            throw new SubmissionException("Only local submissions are graded, not " + given + " — clone the repository"
                    + " first and pass its folder, or use a file: URL");
        }
        return openPath(pathOf(given), gitRef);
    }

    private Submission openPath(Path path, Optional<String> gitRef) throws SubmissionException {
        String origin = path.toString();
        if (Files.isDirectory(path)) {
            return gitRef.isPresent() || isBareRepository(path)
                    ? new GitCheckout(scratch).checkout(origin, path, gitRef)
                    : new Submission(origin, path, Optional.empty(), FileListing.list(path));
        }
        if (gitRef.isPresent()) {
            throw new SubmissionException(origin + " is not a git repository, so the ref \"" + gitRef.get() + "\" cannot"
                    + " be checked out — pass the repository's folder, or leave out the ref");
        }
        if (isZip(path)) {
            Path folder = createFolder("zip-");
            ZipExtractor.extract(path, folder);
            return new Submission(origin, folder, Optional.empty(), FileListing.list(folder));
        }
        throw new SubmissionException(origin + " is neither a folder, a .zip file nor a git repository — pass the"
                + " project folder, a zip of it, or a git repository");
    }

    /** The local path a {@code file:} URL names ({@code file:///srv/hw1}, {@code file://localhost/srv/hw1}). */
    private static Path fileUrlPath(String url) throws SubmissionException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new SubmissionException("\"" + url + "\" is not a valid file: URL (" + e.getReason() + ") — write it as"
                    + " file:///path/to/repository, spaces as %20, or pass the repository's folder instead", e);
        }
        String host = uri.getAuthority();
        if (uri.isOpaque() || uri.getPath() == null || !uri.getPath().startsWith("/")
                || host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw new SubmissionException("\"" + url + "\" is not a file: URL of a local repository — write it as"
                    + " file:///path/to/repository, or pass the repository's folder instead");
        }
        return pathOf(uri.getPath());
    }

    private static Path pathOf(String given) throws SubmissionException {
        if (given.isEmpty()) {
            throw new SubmissionException("No submission given — pass a folder, a .zip file or a git repository");
        }
        Path path;
        try {
            path = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SubmissionException("\"" + given + "\" is not a valid path — check for stray characters", e);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionException("Submission not found: " + path + " — check the path (a relative path is"
                    + " resolved against " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isReadable(path)) {
            throw new SubmissionException("Submission not readable: " + path + " — check its permissions");
        }
        return path;
    }

    private static boolean isBareRepository(Path folder) {
        return Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"))
                && Files.isDirectory(folder.resolve("refs")) && !Files.exists(folder.resolve(".git"));
    }

    private static boolean isZip(Path file) throws SubmissionException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return Arrays.equals(head, ZIP_MAGIC) || Arrays.equals(head, EMPTY_ZIP_MAGIC);
        } catch (IOException e) {
            throw new SubmissionException("Cannot read " + file + ": " + e.getMessage() + " — check its permissions", e);
        }
    }

    private Path createFolder(String prefix) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + scratch, e);
        }
    }
}
