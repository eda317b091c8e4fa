package dev.gradecheck.bytecode;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.policy.ApiPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.objectweb.asm.ClassReader;

/**
 * Checks compiled student classes against the allow-list {@link ApiPolicy}: every class, member, constant,
 * {@code invokedynamic} bootstrap and argument, method handle and method type they refer to must be allowed — the
 * submission's own classes and the course's provided classes always are.
 *
 * <p>Each finding has rule {@code bytecode} and severity zero and blocks the exercise's hidden tests
 * ({@link Finding#blocksTests()}: refused code is never run), points at the student's file and line (from the
 * {@code LineNumberTable}), and reads like {@code Mlp.java:57: calls java.lang.System.exit — exiting or controlling
 * the JVM is not allowed in graded code}, or for a use no named family covers {@code Mlp.java:9: calls
 * java.util.prefs.Preferences.userRoot — not among the APIs this exercise allows}. One finding per file, line and
 * family (the most specific reference), sorted by location, at most {@value #MAX_FINDINGS} per file. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class BytecodeScanner {

    static final String RULE = "bytecode";
    static final int MAX_FINDINGS = 20;

    private BytecodeScanner() {
    }

    /** A scanner. */
    public static BytecodeScanner create() {
        return new BytecodeScanner();
    }

    /**
     * Findings for every reference the standard allow-list refuses, with no provided classes; for tests.
     *
     * @see #scan(Path, Map, ApiPolicy, List)
     */
    public List<Finding> scan(Path classesDirectory, Map<String, String> sourceFileByClass) {
        return scan(classesDirectory, sourceFileByClass, ApiPolicy.standard(), List.of());
    }

    /**
     * Findings for every reference {@code policy} refuses in the {@code .class} files below {@code classesDirectory}.
     *
     * @param sourceFileByClass top-level class name ({@code backprop.mlp.Mlp}) to the student file's path in the
     *     submission; nested and secondary classes are mapped through their outer class and {@code SourceFile}
     * @param policy what the exercise allows; the classes below {@code classesDirectory} and {@code providedClasses}
     *     are added to it
     * @param providedClasses folders of the course's provided classes, compiled
     * @return never null; empty when the folder does not exist or holds nothing refused
     * @throws UncheckedIOException if a folder cannot be read
     */
    public List<Finding> scan(Path classesDirectory, Map<String, String> sourceFileByClass, ApiPolicy policy,
                              List<Path> providedClasses) {
        SourceFiles files = new SourceFiles(sourceFileByClass);
        Hierarchy hierarchy = new Hierarchy();
        List<Path> own = classFiles(classesDirectory);
        own.forEach(file -> hierarchy.add(read(file)));
        providedClasses.forEach(folder -> classFiles(folder).forEach(file -> hierarchy.add(read(file))));
        ApiPolicy withCourse = policy.withCourseTypes(hierarchy.topLevelNames());
        List<Finding> findings = new ArrayList<>();
        for (Path classFile : own) {
            findings.addAll(scanClass(classFile, files, withCourse, hierarchy));
        }
        findings.sort(Comparator.comparing((Finding finding) -> finding.location().file())
                .thenComparingInt(finding -> finding.location().line())
                .thenComparing(Finding::message));
        return findings.stream().collect(Collectors.groupingBy(finding -> finding.location().file(), LinkedHashMap::new,
                Collectors.toList())).values().stream().flatMap(perFile -> capped(perFile).stream()).toList();
    }

    private static List<Path> classFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(".class") && Files.isRegularFile(path)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class files in " + folder, e);
        }
    }

    private static List<Finding> scanClass(Path classFile, SourceFiles files, ApiPolicy policy, Hierarchy hierarchy) {
        byte[] bytes = read(classFile);
        try {
            ClassReader reader = new ClassReader(bytes);
            ReferenceJudge judge = new ReferenceJudge(policy, hierarchy, reader.getClassName());
            reader.accept(new ClassScanner(judge), 0);
            return findingsOf(judge.references(), files);
        } catch (RuntimeException e) {
            // javac never writes such a file; whoever did must not get past the check.
            return List.of(refusal(Location.of(classFile.getFileName().toString()), classFile.getFileName()
                    + " is not a valid class file and cannot be checked", ""));
        }
    }

    /**
     * One finding per line and family, the most specific reference; a call that merely involves a type is dropped
     * when a refused member of the same type is used on the same line ({@code Runtime.getRuntime().exec(...)} is
     * about {@code exec}).
     */
    private static List<Finding> findingsOf(List<Reference> references, SourceFiles files) {
        Set<String> membersByLine = references.stream()
                .filter(reference -> reference.rank() == Reference.MEMBER && !reference.owner().isEmpty())
                .map(reference -> reference.line() + " " + reference.owner()).collect(Collectors.toSet());
        Map<String, Reference> kept = new LinkedHashMap<>();
        references.stream()
                .filter(reference -> reference.rank() == Reference.MEMBER
                        || !membersByLine.contains(reference.line() + " " + reference.owner()))
                .sorted(Comparator.comparingInt(reference -> -reference.rank()))
                .forEach(reference -> kept.putIfAbsent(reference.line() + " " + reference.family().id(), reference));
        return kept.values().stream().map(reference -> finding(reference, files)).toList();
    }

    private static Finding finding(Reference reference, SourceFiles files) {
        String path = files.of(reference.className(), reference.sourceFile());
        Location location = new Location(path, reference.line(), 0);
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String prefix = new Location(fileName, reference.line(), 0).toString();
        return refusal(location, prefix + ": " + reference.what() + " — " + reference.family().description(),
                reference.family().hint());
    }

    /** A finding of this stage: severity zero, and the exercise's hidden tests must not run. */
    private static Finding refusal(Location location, String message, String hint) {
        return Finding.zero(RULE, location, message, hint).blockingTestsIfZero();
    }

    private static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS) {
            return List.copyOf(findings);
        }
        List<Finding> kept = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
        int more = findings.size() - MAX_FINDINGS;
        kept.add(refusal(findings.get(MAX_FINDINGS).location(), "and " + more
                + " more refused references not shown", findings.get(MAX_FINDINGS).hint()));
        return List.copyOf(kept);
    }

    private static byte[] read(Path classFile) {
        try {
            return Files.readAllBytes(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file " + classFile, e);
        }
    }
}
