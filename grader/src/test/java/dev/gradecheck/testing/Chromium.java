package dev.gradecheck.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) for the tests that check a page in a
 * real browser: found on the {@code PATH}, or the test skipped on a developer's machine and failed on CI
 * ({@code CI=true}); each run with a profile of its own, ended with everything it started.
 */
public final class Chromium {

    private final Path executable;
    private final Path temp;

    private Chromium(Path executable, Path temp) {
        this.executable = executable;
        this.temp = temp;
    }

    /**
     * Chromium, with its profiles and output under {@code temp}; without it, aborts the test (skipped), or fails it
     * when {@code CI=true}, saying that {@code page} must be checked in a real browser on CI.
     */
    public static Chromium requireOrSkip(Path temp, String page) {
        Optional<Path> chromium = find();
        if (chromium.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is not installed: .ci/run installs it (apt-get install -y chromium); the " + page
                        + " must be checked in a real browser on CI");
            }
            Assumptions.abort("chromium is not installed (apt-get install -y chromium); skipped outside CI");
        }
        return new Chromium(chromium.get(), temp);
    }

    /** The DOM the browser built from {@code page}, after parsing and layout, as HTML. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run("--dump-dom", page.toUri().toString());
    }

    /** A screenshot of {@code page} at {@code width} x {@code height}, written to {@code png}. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
                page.toUri().toString());
    }

    private static Optional<Path> find() {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs headless Chromium with its own profile; returns its standard output; ends it and all it started. */
    private String run(String... arguments) throws IOException, InterruptedException {
        String profile = Files.createTempDirectory(temp, "chromium-profile").toString();
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile(temp, "chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                process.descendants().filter(each -> !started.contains(each)).forEach(started::add);
                if (System.nanoTime() > deadline) {
                    fail("chromium did not finish within 90 s: " + command);
                }
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            started.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            // Whatever was reparented before it could be seen still names this run's own profile folder.
            ProcessHandle.allProcesses().filter(each -> each.info().commandLine().orElse("").contains(profile))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}
