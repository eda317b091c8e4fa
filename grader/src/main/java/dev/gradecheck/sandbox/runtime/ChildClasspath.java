package dev.gradecheck.sandbox.runtime;

import dev.gradecheck.protocol.Wire;
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
import org.apiguardian.api.API;

/**
 * What the child JVM's own class path is made of: the runner's classes (the child runner, {@code gradecheck-child},
 * and the protocol, {@code gradecheck-protocol}: their packages and nothing else) and the libraries it and the hidden
 * tests need, each located through the code source of a class it contains rather than through
 * {@code java.class.path}, which test harnesses rewrite. The grader never compiles against the child runner: it finds
 * its main class on its own class path at run time ({@code child/target/classes} in a Maven build,
 * {@code gradecheck-child-VERSION.jar} in {@code grader/target/lib} under {@code bin/grader}).
 *
 * <p>Immutable and thread-safe once located.
 */
@API(status = API.Status.INTERNAL)
public final class ChildClasspath {

    /** The runner module's packages, as folders: the child runner's, then the protocol's. */
    static final List<String> RUNNER_FOLDERS = List.of("dev/gradecheck/child/", "dev/gradecheck/protocol/");
    /** The package of the runner module that is exported (the toolkit, in the unnamed module, uses it). */
    static final String EXPORTED_FOLDER = "dev/gradecheck/protocol/";

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

    /** Where each runner folder's classes are: the child runner's jar or class folder, then the protocol's. */
    private final List<Path> runnerSources;
    private final List<Path> libraries;

    private ChildClasspath(List<Path> runnerSources, List<Path> libraries) {
        this.runnerSources = List.copyOf(runnerSources);
        this.libraries = List.copyOf(libraries);
    }

    /**
     * Locates everything in the running grader.
     *
     * @throws IllegalStateException if the child runner or a library is not on the grader's class path
     */
    public static ChildClasspath locate() {
        Set<Path> libraries = new LinkedHashSet<>();
        LIBRARY_ANCHORS.forEach(anchor -> libraries.add(location(anchor)));
        return new ChildClasspath(List.of(location(runnerMain()), location(Wire.class)), List.copyOf(libraries));
    }

    /** The child runner's main class, loaded (not initialized) from the grader's class path. */
    private static Class<?> runnerMain() {
        try {
            return Class.forName(Wire.RUNNER_MAIN, false, ChildClasspath.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot find the child runner " + Wire.RUNNER_MAIN + " (gradecheck-child)"
                    + " on the grader's class path; build the grader with its dependencies (bin/grader does) or add"
                    + " child/target/classes", e);
        }
    }

    /** The library jars (or folders), without duplicates. */
    public List<Path> libraries() {
        return libraries;
    }

    /** The runner module's class files, by path in the module (e.g. {@code dev/gradecheck/child/ChildMain.class}). */
    SortedMap<String, byte[]> runnerClasses() throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        for (int i = 0; i < RUNNER_FOLDERS.size(); i++) {
            Path source = runnerSources.get(i);
            String folder = RUNNER_FOLDERS.get(i);
            classes.putAll(Files.isDirectory(source) ? classesFromFolder(source, folder) : classesFromJar(source, folder));
        }
        return classes;
    }

    /**
     * Copies the runner module's class files, and nothing else, into the class folder {@code target}, with the
     * runner's module descriptor ({@link RunnerModule}): an exploded module.
     */
    void copyRunnerTo(Path target) throws IOException {
        for (Map.Entry<String, byte[]> runnerClass : runnerClasses().entrySet()) {
            Path file = target.resolve(runnerClass.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, runnerClass.getValue());
        }
        Files.write(target.resolve(RunnerModule.DESCRIPTOR), RunnerModule.descriptor());
    }

    /**
     * Writes the runner module's class files, and nothing else, into a new jar, with the runner's module descriptor
     * ({@link RunnerModule}): a modular jar.
     */
    void writeRunnerJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(RunnerModule.DESCRIPTOR));
            out.write(RunnerModule.descriptor());
            out.closeEntry();
            for (Map.Entry<String, byte[]> runnerClass : runnerClasses().entrySet()) {
                out.putNextEntry(new JarEntry(runnerClass.getKey()));
                out.write(runnerClass.getValue());
                out.closeEntry();
            }
        }
    }

    /** The class files directly in {@code folder} (not in sub-folders) of a class folder. */
    private static SortedMap<String, byte[]> classesFromFolder(Path root, String folder) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.put(folder + file.getFileName(), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    /** The class files directly in {@code folder} (not in sub-folders) of a jar. */
    private static SortedMap<String, byte[]> classesFromJar(Path source, String folder) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(source.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                String simple = name.substring(Math.min(name.length(), folder.length()));
                if (name.startsWith(folder) && name.endsWith(".class") && simple.indexOf('/') < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(name, in.readAllBytes());
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
