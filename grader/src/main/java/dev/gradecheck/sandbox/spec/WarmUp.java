package dev.gradecheck.sandbox.spec;

import dev.gradecheck.protocol.RehearsalFormat;
import dev.gradecheck.sandbox.warmup.WarmUpClasses;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * How a child JVM started ahead of its job ({@link dev.gradecheck.sandbox.Sandbox#prepare}) warms up while it waits: it always runs a few
 * warm-up cases of the sandbox's own ({@code sandbox.warmup}); with a rehearsal it then runs the rehearsal's tests against its classes a few times,
 * as it will run the job, until the job is about to arrive.
 *
 * <p>Rehearsal classes must be trusted (a course's provided code, reference solutions and hidden tests, never a
 * submission's): the child runs them before any student code. They are read once, when the warm-up is made, and handed
 * to each child in memory, so a class folder need not be readable by the child, and nothing of it is on disk where the
 * job could read it. Immutable.
 */
@API(status = API.Status.INTERNAL)
public final class WarmUp {

    private static final WarmUp ENGINE_ONLY = new WarmUp(Map.of(), List.of());

    private final Map<String, byte[]> classes;
    private final List<String> tests;

    private WarmUp(Map<String, byte[]> classes, List<String> tests) {
        this.classes = Collections.unmodifiableMap(classes);
        this.tests = List.copyOf(tests);
    }

    /** The sandbox's own warm-up cases only, no rehearsal. */
    public static WarmUp engineOnly() {
        return ENGINE_ONLY;
    }

    /**
     * A rehearsal of these tests against the classes of these folders, read now.
     *
     * @param classFolders folders of compiled classes, in class path order (an earlier folder's class wins); a folder
     *     that does not exist is skipped
     * @param tests the rehearsal's tests, as {@code fully.qualified.Class#method}
     * @throws UncheckedIOException when a class file cannot be read
     */
    public static WarmUp rehearsal(List<Path> classFolders, List<String> tests) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try {
            for (Path folder : classFolders) {
                readClasses(folder, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rehearsal's classes", e);
        }
        return new WarmUp(classes, tests);
    }

    private static void readClasses(Path folder, Map<String, byte[]> classes) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file)).toList();
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            if (!classes.containsKey(name)) {
                classes.put(name, Files.readAllBytes(file));
            }
        }
    }

    /**
     * Writes the warm-up cases and the rehearsal to a child's standard input, in the format {@link RehearsalFormat}
     * describes. For the sandbox's own job sessions.
     */
    public void writeTo(OutputStream childInput) throws IOException {
        RehearsalFormat.write(new DataOutputStream(childInput), WarmUpClasses.classes(), classes, tests);
    }
}
