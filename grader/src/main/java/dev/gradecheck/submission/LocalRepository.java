package dev.gradecheck.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the git directory of a submitted repository and checks that everything git would read from it lies inside
 * the submission: git follows several kinds of link to other repositories, and a submission that is only such a
 * link would be graded with someone else's commits (the course's own repository, another student's).
 *
 * <p>Refused, each with a message saying what to submit instead:
 * <ul>
 *   <li>a {@code .git} that is a file ({@code gitdir: ...}, as linked worktrees and submodules have) or a symbolic
 *       link;</li>
 *   <li>a {@code commondir} (of the git directory or of one of its {@code worktrees/*}) naming a folder outside the
 *       submission;</li>
 *   <li>{@code objects/info/alternates} naming an object store outside the submission, followed through the
 *       alternates' own alternates;</li>
 *   <li>a symbolic link anywhere in the git directory, the common directory or an alternate object store that leads
 *       outside the submission ({@code objects -> /elsewhere/.git/objects});</li>
 *   <li>a {@code .git} inside the git directory (git would read it first) and a folder that is no git repository at
 *       all (git would look for a sibling {@code NAME.git} instead).</li>
 * </ul>
 *
 * <p>Messages quote what the submission wrote, never where that resolves on the grading machine, so a refusal tells
 * a student nothing about the machine's files. Stateless; safe to use from any thread.
 */
final class LocalRepository {

    /** A git directory with more entries than this is refused rather than walked for minutes. */
    static final int MAX_ENTRIES = 200_000;

    private static final String HOW_TO_FIX = "submit the repository itself, not a link to another one";
    private static final int MAX_LINK_TEXT = 300;

    private final String origin;
    private final Path root;
    private final Set<Path> walked = new HashSet<>();
    private int entries;

    private LocalRepository(String origin, Path root) {
        this.origin = origin;
        this.root = root;
    }

    /**
     * The git directory to clone for the repository at {@code folder}: {@code folder/.git}, or {@code folder} itself
     * for a bare repository.
     *
     * @param origin the submission as given, for messages
     * @throws SubmissionException if it is no git repository, or any of it lies outside {@code folder}
     */
    static Path gitDirectory(String origin, Path folder) throws SubmissionException {
        Path root = realPath(origin, folder);
        return new LocalRepository(origin, root).check();
    }

    private Path check() throws SubmissionException {
        Path gitDirectory = locate();
        if (Files.exists(gitDirectory.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            throw refused("its git directory holds another .git, which git would read instead");
        }
        walk(gitDirectory);
        Path common = commonDirectory(gitDirectory, gitDirectory.resolve("commondir"));
        walk(common);
        checkWorktrees(common);
        checkAlternates(common.resolve("objects"), 0);
        return gitDirectory;
    }

    private Path locate() throws SubmissionException {
        Path dotGit = root.resolve(".git");
        if (Files.isSymbolicLink(dotGit)) {
            throw refused("its .git is a symbolic link to " + quoted(linkText(dotGit)));
        }
        if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            throw refused("its .git is a file that points to another git directory (" + quoted(firstLine(dotGit))
                    + "), as a linked worktree or a submodule has");
        }
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return dotGit;
        }
        if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS) || !isGitDirectory(root)) {
            throw new SubmissionException(origin + " is not a git repository (it has no .git folder and is not a bare"
                    + " repository) — pass the folder that contains .git, a bare repository, or a file: URL");
        }
        return root;
    }

    private static boolean isGitDirectory(Path folder) {
        return Files.isRegularFile(folder.resolve("HEAD"), LinkOption.NOFOLLOW_LINKS)
                && (Files.isRegularFile(folder.resolve("commondir"), LinkOption.NOFOLLOW_LINKS)
                || Files.isDirectory(folder.resolve("objects")) && Files.isDirectory(folder.resolve("refs")));
    }

    /** The folder a {@code commondir} file names, checked to lie inside; {@code gitDirectory} when there is none. */
    private Path commonDirectory(Path gitDirectory, Path commondir) throws SubmissionException {
        if (Files.isSymbolicLink(commondir)) {
            throw refused(where(commondir) + " is a symbolic link");
        }
        if (!Files.isRegularFile(commondir)) {
            return gitDirectory;
        }
        String text = firstLine(commondir);
        Path common = inside(commondir.getParent(), text, where(commondir) + " names " + quoted(text));
        if (!Files.isDirectory(common)) {
            throw refused(where(commondir) + " names " + quoted(text) + ", which is not a folder of the submission");
        }
        return common;
    }

    private void checkWorktrees(Path common) throws SubmissionException {
        Path worktrees = common.resolve("worktrees");
        if (!Files.isDirectory(worktrees, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path worktree : list(worktrees)) {
            Path commondir = worktree.resolve("commondir");
            if (Files.exists(commondir, LinkOption.NOFOLLOW_LINKS)) {
                walk(commonDirectory(worktree, commondir));
            }
        }
    }

    /** Checks {@code objects/info/alternates} and, recursively, the alternates' own (git stops at depth 5 too). */
    private void checkAlternates(Path objects, int depth) throws SubmissionException {
        Path alternates = objects.resolve("info/alternates");
        if (Files.isSymbolicLink(alternates)) {
            throw refused(where(alternates) + " is a symbolic link");
        }
        if (!Files.isRegularFile(alternates) || depth > 5) {
            return;
        }
        for (String line : lines(alternates)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String what = where(alternates) + " borrows objects from " + quoted(text);
            if (text.startsWith("\"")) {
                throw refused(what);
            }
            Path store = inside(objects, text, what);
            if (Files.isDirectory(store)) {
                walk(store);
                checkAlternates(store, depth + 1);
            }
        }
    }

    /**
     * {@code text} resolved against {@code base}, checked to lie inside the submission both as written and, when it
     * exists, once its symbolic links are followed.
     */
    private Path inside(Path base, String text, String what) throws SubmissionException {
        Path resolved;
        try {
            resolved = base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw refused(what + ", which is not a valid path");
        }
        if (!resolved.startsWith(root)) {
            throw refused(what + ", outside the submission");
        }
        if (Files.exists(resolved)) {
            Path real = realPath(origin, resolved);
            if (!real.startsWith(root)) {
                throw refused(what + ", which leads outside the submission through a symbolic link");
            }
            return real;
        }
        return resolved;
    }

    /** Walks {@code folder} once, without following links, refusing any symbolic link that leads outside. */
    private void walk(Path folder) throws SubmissionException {
        if (!walked.add(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    count();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    count();
                    if (attributes.isSymbolicLink()) {
                        checkLink(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SubmissionException("Cannot read the git directory of " + origin + ": " + e.getMessage()
                    + " — check that it is readable", e);
        } catch (Refusal e) {
            throw e.exception;
        }
    }

    private void count() {
        if (++entries > MAX_ENTRIES) {
            throw new Refusal(new SubmissionException(origin + "'s git directory holds more than " + MAX_ENTRIES
                    + " files — run `git gc` in it, or submit a zip of your sources"));
        }
    }

    private void checkLink(Path link) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            real = null;
        }
        if (real == null || !real.startsWith(root)) {
            throw new Refusal(refused(where(link) + " is a symbolic link to " + quoted(linkText(link))
                    + ", outside the submission"));
        }
    }

    private SubmissionException refused(String what) {
        return new SubmissionException(origin + " is not a repository of its own: " + what + " — " + HOW_TO_FIX
                + " (clone it afresh with `git clone --no-local`, or zip its folder)");
    }

    /** {@code .git/objects/info/alternates}: where a file sits, relative to the submission. */
    private String where(Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.isEmpty() ? "the submission" : relative;
    }

    private static Path realPath(String origin, Path path) throws SubmissionException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new SubmissionException("Cannot read " + origin + ": " + e.getMessage() + " — check the path", e);
        }
    }

    private static List<Path> list(Path folder) throws SubmissionException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SubmissionException("Cannot read " + folder.getFileName() + " of a git repository: "
                    + e.getMessage() + " — check that it is readable", e);
        }
    }

    private static List<String> lines(Path file) throws SubmissionException {
        return head(file).lines().toList();
    }

    private static String firstLine(Path file) throws SubmissionException {
        return head(file).lines().findFirst().orElse("").strip();
    }

    /** The first few kilobytes of a small file git reads, as text. */
    private static String head(Path file) throws SubmissionException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SubmissionException("Cannot read " + file.getFileName() + " of a git repository: "
                    + e.getMessage() + " — check that it is readable", e);
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String quoted(String text) {
        String capped = text.length() <= MAX_LINK_TEXT ? text : text.substring(0, MAX_LINK_TEXT) + "...";
        return "\"" + capped + "\"";
    }

    /** Carries a refusal out of a file visitor, whose methods cannot throw it; never leaves this class. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SubmissionException exception;

        Refusal(SubmissionException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }
}
