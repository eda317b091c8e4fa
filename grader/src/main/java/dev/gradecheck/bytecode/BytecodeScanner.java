package dev.gradecheck.bytecode;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.structure.ForbiddenApi;
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
import org.objectweb.asm.ClassReader;

/**
 * Scans compiled student classes for references to the forbidden API families of {@link ForbiddenApi}.
 *
 * <p>Each finding has rule {@code bytecode} and severity zero, points at the student's file and line (from the
 * {@code LineNumberTable}), and reads like {@code Mlp.java:57: calls java.lang.System.exit — exiting or controlling
 * the JVM is not allowed in graded code}. One finding per file, line and family (the most specific reference),
 * sorted by location, capped. Stateless and thread-safe.
 */
public final class BytecodeScanner {

    static final String RULE = "bytecode";
    static final int MAX_FINDINGS = 20;

    private final ForbiddenApi forbidden;

    private BytecodeScanner(ForbiddenApi forbidden) {
        this.forbidden = forbidden;
    }

    /** A scanner judging by the course's forbidden API table. */
    public static BytecodeScanner create() {
        return new BytecodeScanner(ForbiddenApi.standard());
    }

    /**
     * Findings for every forbidden reference in the {@code .class} files below {@code classesDirectory}.
     *
     * @param sourceFileByClass top-level class name ({@code backprop.mlp.Mlp}) to the student file's path in the
     *     submission; nested and secondary classes are mapped through their outer class and {@code SourceFile}
     * @return never null; empty when the folder does not exist or holds nothing forbidden
     * @throws UncheckedIOException if the folder cannot be read
     */
    public List<Finding> scan(Path classesDirectory, Map<String, String> sourceFileByClass) {
        SourceFiles files = new SourceFiles(sourceFileByClass);
        List<Finding> findings = new ArrayList<>();
        for (Path classFile : classFiles(classesDirectory)) {
            findings.addAll(scanClass(classFile, files));
        }
        findings.sort(Comparator.comparing((Finding finding) -> finding.location().file())
                .thenComparingInt(finding -> finding.location().line())
                .thenComparing(Finding::message));
        return capped(findings);
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

    private List<Finding> scanClass(Path classFile, SourceFiles files) {
        byte[] bytes = read(classFile);
        try {
            ClassReader reader = new ClassReader(bytes);
            ReferenceJudge judge = new ReferenceJudge(forbidden, reader.getClassName());
            reader.accept(new ClassScanner(judge), 0);
            return findingsOf(judge.references(), files);
        } catch (RuntimeException e) {
            // javac never writes such a file; whoever did must not get past the check.
            return List.of(Finding.zero(RULE, Location.of(classFile.getFileName().toString()), classFile.getFileName()
                    + " is not a valid class file and cannot be checked", ""));
        }
    }

    /**
     * One finding per line and family, the most specific reference; a call that merely involves a type is dropped
     * when a forbidden member of the same type is used on the same line ({@code Runtime.getRuntime().exec(...)} is
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
        return Finding.zero(RULE, location, prefix + ": " + reference.what() + " — " + reference.family().description(),
                reference.family().hint());
    }

    private static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS) {
            return List.copyOf(findings);
        }
        List<Finding> kept = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
        int more = findings.size() - MAX_FINDINGS;
        kept.add(Finding.zero(RULE, findings.get(MAX_FINDINGS).location(), "and " + more
                + " more forbidden references not shown", findings.get(MAX_FINDINGS).hint()));
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
