package dev.gradecheck.sandbox;

import dev.gradecheck.sandbox.child.Rehearsal;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a child JVM started ahead of its job ({@link Sandbox#prepare}) warms up while it waits: it always runs a few
 * test cases of the runner's own; with a rehearsal it then runs these tests against these classes a few times, as it
 * will run the job, until the job is about to arrive.
 *
 * <p>Rehearsal classes must be trusted (a course's provided code, reference solutions and hidden tests, never a
 * submission's): the child runs them before any student code. They are read here and handed to the child in memory,
 * so a class folder need not be readable by the child, and nothing of it is on disk where the job could read it.
 *
 * @param classFolders folders of compiled classes for the rehearsal, in class path order; empty for none
 * @param tests the rehearsal's tests, as {@code fully.qualified.Class#method}; empty for none
 */
public record WarmUp(List<Path> classFolders, List<String> tests) {

    public WarmUp {
        classFolders = List.copyOf(classFolders);
        tests = List.copyOf(tests);
    }

    /** The runner's own test cases only, no rehearsal. */
    public static WarmUp engineOnly() {
        return new WarmUp(List.of(), List.of());
    }

    /** Writes the rehearsal to a child's standard input, in the format {@link Rehearsal} reads. */
    void writeTo(OutputStream childInput) throws IOException {
        Rehearsal.write(new DataOutputStream(childInput), classes(), tests);
    }

    /** Every class file of the folders, by binary name; an earlier folder's class wins, as on a class path. */
    private Map<String, byte[]> classes() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path folder : classFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
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
        return classes;
    }
}
