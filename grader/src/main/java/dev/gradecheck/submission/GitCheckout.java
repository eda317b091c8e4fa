package dev.gradecheck.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clones a local git repository into scratch space, checks out a ref (default: the repository's HEAD) and records
 * the commit. The repository's git directory is checked first ({@link LocalRepository}: nothing of it may lie outside
 * the submission), and git is given that checked directory, never the path or URL as submitted, so git cannot pick
 * another repository than the one checked. The clone goes through git's transport ({@code --no-local}), so a crafted
 * object store is never hard-linked or copied as is; hooks never run.
 */
final class GitCheckout {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path scratch;

    GitCheckout(Path scratch) {
        this.scratch = scratch;
    }

    /**
     * Clones the repository at {@code folder} and checks out {@code ref}; the submission's origin is {@code origin}.
     *
     * @throws SubmissionException if it is no git repository, links to another one, or git fails
     */
    Submission checkout(String origin, Path folder, Optional<String> ref) throws SubmissionException {
        String source = LocalRepository.gitDirectory(origin, folder).toString();
        Path work = createWorkFolder();
        Path clone = work.resolve("repository");
        GitCommand git = gitIn(work);
        cloneInto(git, origin, source, clone);
        String commit = resolve(git, origin, clone, ref);
        checkoutCommit(git, clone, commit);
        return new Submission(origin, clone, Optional.of(commit), FileListing.list(clone));
    }

    private void cloneInto(GitCommand git, String origin, String source, Path clone) throws SubmissionException {
        GitCommand.Result cloned = git.run(List.of("clone", "--quiet", "--no-checkout", "--no-local", "--template=",
                "--", source, clone.toString()));
        if (!cloned.succeeded()) {
            throw new SubmissionException(origin + " is not a git repository git can clone (git said: "
                    + cloned.firstError() + ") — pass the folder that contains .git, a bare repository, or a file: URL");
        }
    }

    private static String resolve(GitCommand git, String origin, Path clone, Optional<String> ref) throws SubmissionException {
        if (ref.isEmpty()) {
            return commitOf(git, clone, "HEAD").orElseThrow(() -> new SubmissionException(origin
                    + " has no commits — commit your work (git add, git commit) and try again"));
        }
        String name = ref.get();
        if (name.isBlank() || name.startsWith("-") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new SubmissionException("\"" + name + "\" is not a valid git ref — pass a branch, tag or commit id");
        }
        for (String candidate : List.of(name, "origin/" + name, "refs/tags/" + name)) {
            Optional<String> commit = commitOf(git, clone, candidate);
            if (commit.isPresent()) {
                return commit.get();
            }
        }
        throw new SubmissionException("ref \"" + name + "\" not found in " + origin + " — check the branch, tag or"
                + " commit name (git branch -a, git tag, git log)");
    }

    private static Optional<String> commitOf(GitCommand git, Path clone, String revision) throws SubmissionException {
        GitCommand.Result parsed = git.run(List.of("-C", clone.toString(), "rev-parse", "--verify", "--quiet",
                "--end-of-options", revision + "^{commit}"));
        String commit = parsed.output().strip();
        return parsed.succeeded() && commit.matches("[0-9a-f]{40,64}") ? Optional.of(commit) : Optional.empty();
    }

    private static void checkoutCommit(GitCommand git, Path clone, String commit) throws SubmissionException {
        GitCommand.Result checkedOut = git.run(List.of("-C", clone.toString(), "checkout", "--quiet", "--detach", commit));
        if (!checkedOut.succeeded()) {
            throw new SubmissionException("Cannot check out " + commit + " (git said: " + checkedOut.firstError()
                    + ") — check that the repository is not damaged");
        }
    }

    private Path createWorkFolder() {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "git-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + scratch, e);
        }
    }

    private static GitCommand gitIn(Path work) {
        try {
            return GitCommand.in(work, TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write git's configuration in " + work, e);
        }
    }
}
