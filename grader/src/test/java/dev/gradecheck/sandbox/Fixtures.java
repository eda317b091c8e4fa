package dev.gradecheck.sandbox;

import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.sandbox.runtime.ChildClasspath;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Course fixtures for sandbox tests: {@code src/test/resources/sandbox/<case>/} holds {@code .java.txt} sources
 * (compiled here with javax.tools, so they never pass the grader's own checks) and plain files (copied as they are).
 */
final class Fixtures {

    static final String PACKAGE = "backprop.fixture.";

    private Fixtures() {
    }

    /** Compiles the case into {@code into} and returns that class folder. */
    static Path compile(String caseName, Path into) {
        Path source = resourceFolder(caseName);
        try {
            Files.createDirectories(into);
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (file.toString().endsWith(".java.txt")) {
                        sources.add(asJavaFile(source, file, into.resolveSibling(into.getFileName() + "-src")));
                    } else {
                        Path copy = into.resolve(source.relativize(file).toString());
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                    }
                }
            }
            javac(sources, into);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh work directory {@code name} below {@code temp}, made the way the grader makes its scratch folder:
     * {@code temp} becomes searchable (not listable) by others, so a child running as another user can reach it.
     */
    static Path workDirectory(Path temp, String name) {
        try {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec for {@code backprop.fixture.Class#method}. */
    static TestSpec spec(String classAndMethod, Duration timeout) {
        return new TestSpec(TestId.parse(PACKAGE + classAndMethod), timeout);
    }

    static TestSpec spec(String classAndMethod) {
        return spec(classAndMethod, Duration.ofSeconds(10));
    }

    /** The result of {@code backprop.fixture.Class#method} in the run. */
    static TestResult result(SandboxRun run, String classAndMethod) {
        TestId id = TestId.parse(PACKAGE + classAndMethod);
        return run.results().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " in " + run.results()));
    }

    /** The settings tests use: defaults with a small heap so memory tests are quick. */
    /** A live process whose command line mentions {@code marker}, if any. */
    static Optional<ProcessHandle> leftover(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false)
                        || p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .findFirst();
    }

    static SandboxSettings settings() {
        SandboxSettings defaults = SandboxSettings.defaults();
        return new SandboxSettings(defaults.javaExecutable(), 96, defaults.stackKilobytes(), Duration.ofMinutes(2),
                defaults.outputCapChars(), true);
    }

    private static Path asJavaFile(Path root, Path file, Path sourceRoot) throws IOException {
        String relative = root.relativize(file).toString();
        Path java = sourceRoot.resolve(relative.substring(0, relative.length() - ".txt".length()));
        Files.createDirectories(java.getParent());
        Files.copy(file, java);
        return java;
    }

    private static void javac(List<Path> sources, Path into) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", into.toString(), "-proc:none", "-nowarn", "--release", "17",
                    "-cp", compileClasspath());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException("fixture does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }

    /** The libraries the child JVM gets, which is what hidden tests compile against. */
    private static String compileClasspath() {
        return ChildClasspath.locate().libraries().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path resourceFolder(String caseName) {
        URL url = Fixtures.class.getResource("/sandbox/" + caseName);
        if (url == null) {
            throw new IllegalArgumentException("no fixture folder sandbox/" + caseName + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
