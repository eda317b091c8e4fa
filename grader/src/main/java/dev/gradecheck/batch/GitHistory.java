package dev.gradecheck.batch;

import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which commit of a git submission the batch grades, and when it was made. The repository is first cloned the way the
 * grader clones it ({@link Intake}: checked for links to other repositories, hooks and filters off), and only that
 * clone, which git itself wrote, is asked for its history. With a deadline, the commit graded is the last one at or
 * before it on the submitted branch, by committer date. (A commit's dates are set on the student's machine: for a
 * deadline no one can backdate, grade the commits as pushed, e.g. GitHub Classroom's own deadline clones.)
 */
final class GitHistory {

    /** A commit and its committer date, as git writes it (strict ISO-8601, with the committer's offset). */
    record Commit(String id, String time) {
        Commit {
            OffsetDateTime.parse(time);
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private GitHistory() {
    }

    /**
     * The commit to grade: {@code ref} (default {@code HEAD}), or with a deadline its last commit at or before it.
     *
     * @throws SubmissionException when the repository cannot be opened, or has no commit before the deadline; the
     *     message says why
     */
    static Commit commitToGrade(String source, Optional<String> ref, Optional<Instant> deadline, Path scratch)
            throws SubmissionException {
        Submission clone = Intake.create(scratch).open(source, Optional.of(ref.orElse("HEAD")));
        String tip = clone.gitCommit().orElseThrow();
        List<String> arguments = new ArrayList<>(List.of("log", "-1", "--format=%H %cI"));
        deadline.ifPresent(instant -> arguments.add("--before=@" + instant.getEpochSecond()));
        arguments.add(tip);
        String line = git(clone.root(), arguments).strip();
        if (line.isEmpty()) {
            throw new SubmissionException("no commit of " + ref.orElse("HEAD") + " was made at or before the deadline "
                    + deadline.orElseThrow() + " (its last commit is from " + time(clone.root(), tip) + ")");
        }
        String[] parts = line.split(" ", 2);
        return new Commit(parts[0], parts[1]);
    }

    private static String time(Path clone, String commit) throws SubmissionException {
        return git(clone, List.of("log", "-1", "--format=%cI", commit)).strip();
    }

    /** Runs git in the clone, without any configuration but git's own and the clone's. */
    private static String git(Path clone, List<String> arguments) throws SubmissionException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.hooksPath=/dev/null", "-c",
                "core.fsmonitor=false", "-C", clone.toString()));
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile(clone.getParent(), "log", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null"));
            builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
            builder.environment().put("LC_ALL", "C");
            Process git = builder.start();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new SubmissionException("git log did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (git.exitValue() != 0) {
                throw new SubmissionException("git log failed on the clone of the submission (exit code "
                        + git.exitValue() + ") — check that the repository is not damaged");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SubmissionException("cannot run git (" + e.getMessage() + ") — install git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionException("interrupted while reading the submission's history", e);
        }
    }
}
