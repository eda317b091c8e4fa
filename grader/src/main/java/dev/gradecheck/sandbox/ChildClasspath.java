package dev.gradecheck.sandbox;

import dev.gradecheck.sandbox.child.ChildMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What the child JVM's own class path is made of: the runner's classes (only {@code dev.gradecheck.sandbox.child},
 * taken out of the grader's classes) and the libraries it and the hidden tests need, each located through the code
 * source of a class it contains rather than through {@code java.class.path}, which test harnesses rewrite.
 *
 * <p>Immutable and thread-safe once located.
 */
final class ChildClasspath {

    /** Runner package, as a folder. */
    static final String RUNNER_FOLDER = "dev/gradecheck/sandbox/child/";

    /** One class per library: JUnit Platform, Jupiter (+ params), opentest4j, apiguardian, JSON-P, Parsson, toolkit. */
    private static final List<Class<?>> LIBRARY_ANCHORS = List.of(
            org.junit.platform.launcher.core.LauncherFactory.class,
            org.junit.platform.engine.TestEngine.class,
            org.junit.platform.commons.JUnitException.class,
            org.junit.jupiter.api.Test.class,
            org.junit.jupiter.engine.JupiterTestEngine.class,
            org.junit.jupiter.params.ParameterizedTest.class,
            org.opentest4j.AssertionFailedError.class,
            org.apiguardian.api.API.class,
            jakarta.json.JsonObject.class,
            org.eclipse.parsson.JsonProviderImpl.class,
            dev.gradecheck.toolkit.ErrorBand.class);

    private final Path runnerSource;
    private final List<Path> libraries;

    private ChildClasspath(Path runnerSource, List<Path> libraries) {
        this.runnerSource = runnerSource;
        this.libraries = List.copyOf(libraries);
    }

    /** Locates everything in the running grader; throws {@link IllegalStateException} if a library is not there. */
    static ChildClasspath locate() {
        Set<Path> libraries = new LinkedHashSet<>();
        LIBRARY_ANCHORS.forEach(anchor -> libraries.add(location(anchor)));
        return new ChildClasspath(location(ChildMain.class), List.copyOf(libraries));
    }

    /** The library jars (or folders), without duplicates. */
    List<Path> libraries() {
        return libraries;
    }

    /** The runner package's class files, by file name, read from the grader's class folder or jar. */
    SortedMap<String, byte[]> runnerClasses() throws IOException {
        return Files.isDirectory(runnerSource) ? runnerClassesFromFolder() : runnerClassesFromJar();
    }

    /**
     * Copies the runner package's class files, and nothing else of the grader, into the class folder {@code target},
     * with the runner's module descriptor ({@link RunnerModule}): an exploded module.
     */
    void copyRunnerTo(Path target) throws IOException {
        Path into = Files.createDirectories(target.resolve(RUNNER_FOLDER));
        for (Map.Entry<String, byte[]> runnerClass : runnerClasses().entrySet()) {
            Files.write(into.resolve(runnerClass.getKey()), runnerClass.getValue());
        }
        Files.write(target.resolve(RunnerModule.DESCRIPTOR), RunnerModule.descriptor());
    }

    /**
     * Writes the runner package's class files, and nothing else of the grader, into a new jar, with the runner's
     * module descriptor ({@link RunnerModule}): a modular jar.
     */
    void writeRunnerJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(RunnerModule.DESCRIPTOR));
            out.write(RunnerModule.descriptor());
            out.closeEntry();
            for (Map.Entry<String, byte[]> runnerClass : runnerClasses().entrySet()) {
                out.putNextEntry(new JarEntry(RUNNER_FOLDER + runnerClass.getKey()));
                out.write(runnerClass.getValue());
                out.closeEntry();
            }
        }
    }

    private SortedMap<String, byte[]> runnerClassesFromFolder() throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(runnerSource.resolve(RUNNER_FOLDER))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    private SortedMap<String, byte[]> runnerClassesFromJar() throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(runnerSource.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                String simple = name.substring(Math.min(name.length(), RUNNER_FOLDER.length()));
                if (name.startsWith(RUNNER_FOLDER) && name.endsWith(".class") && simple.indexOf('/') < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(simple, in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static Path location(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot locate the jar of " + anchor.getName()
                    + " for the sandbox's child JVM; is the grader started with its dependencies on the class path?");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("unusable code source " + source.getLocation(), e));
        }
    }
}
