package dev.gradecheck.submission;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command line on untrusted repositories: no system or user configuration (a private global
 * configuration file instead, which turns hooks, file-system monitors and symbolic links off, repeated on the command
 * line), only the {@code file} transport, no prompts, no filter drivers (none is configured anywhere git looks:
 * a {@code filter=} attribute in a submitted {@code .gitattributes} names nothing to run), a time limit after which the whole process tree is killed, output captured to files so a chatty git
 * never blocks.
 */
final class GitCommand {

    private static final String CONFIGURATION = """
            [core]
            \thooksPath = /dev/null
            \tsymlinks = false
            \tfsmonitor = false
            [protocol "file"]
            \tallow = always
            [safe]
            \tdirectory = *
            [advice]
            \tdetachedHead = false
            """;

    /**
     * The safe settings again on the command line, which wins over every configuration file, the repository's own
     * included, and reaches the git processes git starts (upload-pack reads the submitted repository's configuration).
     */
    private static final List<String> SAFE_COMMAND = List.of("git", "-c", "core.hooksPath=/dev/null",
            "-c", "core.fsmonitor=false", "-c", "core.symlinks=false", "-c", "core.attributesFile=/dev/null",
            "-c", "protocol.allow=never", "-c", "protocol.file.allow=always");

    /** What a finished git command left behind. */
    record Result(int exitCode, String output, String errors) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The first line git wrote to standard error, e.g. {@code fatal: not a git repository}. */
        String firstError() {
            return errors.strip().lines().findFirst().orElse("exit code " + exitCode);
        }
    }

    private final Path workFolder;
    private final Duration timeout;
    private int runs;

    private GitCommand(Path workFolder, Duration timeout) {
        this.workFolder = workFolder;
        this.timeout = timeout;
    }

    /** A runner keeping its configuration and captured output in {@code workFolder}, which must exist. */
    static GitCommand in(Path workFolder, Duration timeout) throws IOException {
        Files.writeString(workFolder.resolve("gitconfig"), CONFIGURATION, StandardCharsets.UTF_8);
        return new GitCommand(workFolder, timeout);
    }

    /** Runs {@code git <arguments>}; throws when git is missing or exceeds the time limit. */
    Result run(List<String> arguments) throws SubmissionException {
        List<String> command = new ArrayList<>(SAFE_COMMAND);
        command.addAll(arguments);
        int run = ++runs;
        Path output = workFolder.resolve("git-" + run + ".out");
        Path errors = workFolder.resolve("git-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        sanitize(builder.environment());
        return await(start(builder), output, errors);
    }

    private Process start(ProcessBuilder builder) throws SubmissionException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new SubmissionException("The git command could not be started (" + e.getMessage() + ") — install git,"
                    + " or submit a folder or a .zip file instead", e);
        }
    }

    private Result await(Process process, Path output, Path errors) throws SubmissionException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new SubmissionException("git did not finish within " + timeout.toSeconds() + " s — check that the"
                        + " repository is local and not unusually large");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SubmissionException("Interrupted while git was running", e);
        } catch (IOException e) {
            throw new SubmissionException("Cannot read git's output: " + e.getMessage(), e);
        }
    }

    private void sanitize(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("GIT_") || name.equals("SSH_ASKPASS"));
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", workFolder.resolve("gitconfig").toString());
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_ALLOW_PROTOCOL", "file");
        environment.put("LC_ALL", "C");
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
