package dev.gradecheck.submission;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Finds the declared student files of a submission by their package and class declarations, wherever they sit, and
 * says why every other file is not used.
 *
 * <p>A declared file {@code backprop/mlp/Mlp.java} is the {@code .java} file declaring {@code package backprop.mlp;}
 * and a top-level type {@code Mlp}, whatever its own name or folder ({@code Mlp (1).java} from an LMS counts). The
 * declarations are read by a cheap lexical scan, so a file with syntax errors is still found. When several files
 * declare the same class, the one at the conventional {@code src/main/java/<declared path>} (else the one whose path
 * ends in the declared path, else the shortest path) is taken and a warning lists the others.
 *
 * <p>Written-answer files ({@code ANSWERS.md}) asked for by name are found by that name alone, any case, wherever
 * they sit: the shallowest regular file is read ({@link AnswerFiles}: links never followed, capped), the other copies
 * are listed as not used.
 *
 * <p>Stateless and thread-safe. Results are sorted, so the same submission always gives equal results.
 */
@API(status = API.Status.INTERNAL)
public final class StudentFileLocator {

    static final String CONVENTIONAL_ROOT = "src/main/java/";
    /** Java sources beyond this many bytes in total are not read: no course needs them, and memory stays bounded. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private final Submission submission;
    private final Map<String, String> declaredByType;
    private final Set<String> providedTypes;
    private final Map<String, List<SourceFile>> candidates = new TreeMap<>();
    private final List<SourceFile> otherSources = new ArrayList<>();
    private final List<IgnoredFile> ignored = new ArrayList<>();
    private final List<FileFinding> findings = new ArrayList<>();
    private final Map<String, StudentSource> found = new TreeMap<>();
    private final Set<String> answerNames;
    private final Map<String, List<String>> answerCandidates = new TreeMap<>();
    private final Map<String, AnswerFile> answers = new TreeMap<>();
    private long bytesRead;

    private StudentFileLocator(Submission submission, Set<String> declaredFiles, Collection<String> providedFiles,
                               Set<String> answerNames) {
        this.submission = submission;
        this.answerNames = answerNames;
        this.declaredByType = declaredFiles.stream().collect(Collectors.toMap(StudentFileLocator::classNameOf, file -> file));
        this.providedTypes = providedFiles.stream().map(StudentFileLocator::classNameOf).collect(Collectors.toSet());
    }

    /**
     * Locates {@code declaredFiles} in {@code submission}; Java files that are not student files are listed as
     * "not a student file of any exercise".
     *
     * @param declaredFiles the student files of every exercise, as manifests declare them ({@code backprop/mlp/Mlp.java})
     * @return found sources, findings and ignored files; never null
     * @throws IllegalArgumentException if a declared path is not of the form {@code package/path/Type.java}
     */
    public static LocatedFiles locate(Submission submission, Set<String> declaredFiles) {
        return locate(submission, declaredFiles, Set.of());
    }

    /**
     * Locates {@code declaredFiles} in {@code submission}, listing submitted copies of provided classes as
     * "provided class: the instructor's copy is used".
     *
     * @param declaredFiles the student files of every exercise ({@code backprop/mlp/Mlp.java})
     * @param providedFiles the course's provided files, in the same form ({@code backprop/linalg/Matrix.java})
     * @return found sources, findings and ignored files; never null
     * @throws IllegalArgumentException if a declared or provided path is not of the form {@code package/path/Type.java}
     */
    public static LocatedFiles locate(Submission submission, Set<String> declaredFiles, Collection<String> providedFiles) {
        return locate(submission, declaredFiles, providedFiles, Set.of());
    }

    /**
     * Locates {@code declaredFiles} and reads the written-answer files {@code answerFiles} of {@code submission}.
     *
     * @param declaredFiles the student files of every exercise ({@code backprop/mlp/Mlp.java})
     * @param providedFiles the course's provided files, in the same form ({@code backprop/linalg/Matrix.java})
     * @param answerFiles names of written-answer files, without folders ({@code ANSWERS.md})
     * @return found sources, answers, findings and ignored files; never null
     * @throws IllegalArgumentException if a declared or provided path is not of the form {@code package/path/Type.java}
     */
    public static LocatedFiles locate(Submission submission, Set<String> declaredFiles, Collection<String> providedFiles,
                                      Set<String> answerFiles) {
        Objects.requireNonNull(submission, "submission");
        StudentFileLocator locator = new StudentFileLocator(submission, Set.copyOf(declaredFiles),
                List.copyOf(providedFiles), Set.copyOf(answerFiles));
        locator.scanFiles();
        locator.declaredByType.values().stream().sorted().forEach(locator::choose);
        locator.answerNames.stream().sorted().forEach(locator::chooseAnswer);
        return locator.result();
    }

    /** {@code backprop/mlp/Mlp.java} to {@code backprop.mlp.Mlp}. */
    static String classNameOf(String declaredPath) {
        if (declaredPath == null || !declaredPath.endsWith(".java") || declaredPath.startsWith("/")
                || declaredPath.contains("\\") || declaredPath.length() <= ".java".length()) {
            throw new IllegalArgumentException("a student or provided file must be written as package/path/Type.java,"
                    + " was \"" + declaredPath + "\"");
        }
        return declaredPath.substring(0, declaredPath.length() - ".java".length()).replace('/', '.');
    }

    private void scanFiles() {
        for (Path file : submission.files()) {
            String path = Submission.displayPath(file);
            Path absolute = submission.root().resolve(file);
            Optional<String> answerName = answerNames.stream().filter(name -> AnswerFiles.isNamed(path, name)).findFirst();
            if (answerName.isPresent()) {
                answerCandidates.computeIfAbsent(answerName.get(), key -> new ArrayList<>()).add(path);
                continue;
            }
            Optional<String> reason = IgnoreRules.byPath(path, Files.isSymbolicLink(absolute));
            if (reason.isPresent()) {
                ignored.add(new IgnoredFile(path, reason.get()));
            } else {
                scanSource(absolute, path);
            }
        }
    }

    private void scanSource(Path absolute, String path) {
        if (bytesRead > MAX_TOTAL_BYTES) {
            ignored.add(new IgnoredFile(path, "not read: the submission's Java sources exceed "
                    + MAX_TOTAL_BYTES / (1024 * 1024) + " MB in total"));
            return;
        }
        SourceFile source;
        try {
            source = SourceFile.read(absolute, path);
        } catch (IOException e) {
            ignored.add(new IgnoredFile(path, "unreadable file: " + e.getMessage()));
            return;
        }
        bytesRead += source.text().length();
        Optional<String> declared = declaredPathOf(source);
        if (declared.isPresent()) {
            candidates.computeIfAbsent(declared.get(), key -> new ArrayList<>()).add(source);
        } else {
            otherSources.add(source.withoutText());
            ignored.add(new IgnoredFile(path, IgnoreRules.forJava(path, source.outline(), providedTypes)));
        }
    }

    /** The declared file this source stands for: the one named like the file, else the first one it declares. */
    private Optional<String> declaredPathOf(SourceFile source) {
        List<String> declared = source.outline().qualifiedTypeNames().stream()
                .map(declaredByType::get).filter(Objects::nonNull).toList();
        String fileName = source.path().substring(source.path().lastIndexOf('/') + 1);
        return declared.stream().filter(path -> path.endsWith("/" + fileName) || path.equals(fileName)).findFirst()
                .or(() -> declared.stream().findFirst());
    }

    private void choose(String declaredPath) {
        List<SourceFile> sources = candidates.getOrDefault(declaredPath, List.of());
        if (sources.isEmpty()) {
            findings.add(new FileFinding(declaredPath, MissingFiles.finding(declaredPath, otherSources)));
            return;
        }
        List<SourceFile> ranked = sources.stream().sorted(preference(declaredPath)).toList();
        SourceFile chosen = ranked.get(0);
        if (ranked.size() > 1) {
            duplicates(declaredPath, chosen, ranked.subList(1, ranked.size()));
        }
        take(declaredPath, chosen);
    }

    private static Comparator<SourceFile> preference(String declaredPath) {
        return Comparator.comparing((SourceFile source) -> !source.readable())
                .thenComparing(source -> !("/" + source.path()).endsWith("/" + CONVENTIONAL_ROOT + declaredPath))
                .thenComparing(source -> !("/" + source.path()).endsWith("/" + declaredPath))
                .thenComparingInt(source -> source.path().length())
                .thenComparing(SourceFile::path);
    }

    private void duplicates(String declaredPath, SourceFile chosen, List<SourceFile> others) {
        String className = classNameOf(declaredPath);
        for (SourceFile other : others) {
            ignored.add(new IgnoredFile(other.path(), "duplicate: " + chosen.path() + " also declares " + className
                    + " and was graded instead"));
        }
        String paths = others.stream().map(SourceFile::path).collect(Collectors.joining(", "));
        findings.add(new FileFinding(declaredPath, Finding.warn("duplicate-file", Location.of(chosen.path()),
                className + " (" + declaredPath + ") is declared in " + (others.size() + 1) + " files; " + chosen.path()
                        + " was graded, not " + paths,
                "Delete the other copies so that you know which file is graded.")));
    }

    private void take(String declaredPath, SourceFile source) {
        if (source.problem().isPresent()) {
            findings.add(new FileFinding(declaredPath, Finding.zero("unreadable-source", Location.of(source.path()),
                    source.path() + " (student file " + declaredPath + ") " + source.problem().get(),
                    "The file is not graded until the tools can read it.")));
            return;
        }
        if (source.hadByteOrderMark()) {
            findings.add(new FileFinding(declaredPath, Finding.warn("unreadable-source", Location.of(source.path()),
                    source.path() + " (student file " + declaredPath + ") starts with a UTF-8 byte-order mark; it was"
                            + " removed before grading",
                    "Save the file as UTF-8 without BOM: javac rejects the mark as an illegal character.")));
        }
        found.put(declaredPath, new StudentSource(declaredPath, source.path(), source.text(), source.sha256()));
    }

    /** Reads the preferred copy of the answer file {@code name}; the others are listed as not used. */
    private void chooseAnswer(String name) {
        List<String> ranked = AnswerFiles.ranked(submission.root(), answerCandidates.getOrDefault(name, List.of()));
        if (ranked.isEmpty()) {
            answers.put(name, AnswerFiles.folderNamed(submission.root(), name)
                    .<AnswerFile>map(folder -> new AnswerFile.NotRead(folder, "is a folder, not a file",
                            "Put your answers in a file named " + name + " instead."))
                    .orElse(new AnswerFile.Missing()));
            return;
        }
        AnswerFile chosen = AnswerFiles.read(submission.root(), ranked.get(0));
        answers.put(name, chosen);
        if (chosen instanceof AnswerFile.NotRead notRead) {
            ignored.add(new IgnoredFile(notRead.path(), notRead.reason().equals(AnswerFiles.SYMBOLIC_LINK)
                    ? IgnoreRules.SYMBOLIC_LINK : "written answers: " + notRead.reason()));
        }
        for (String other : ranked.subList(1, ranked.size())) {
            ignored.add(new IgnoredFile(other, Files.isSymbolicLink(submission.root().resolve(other))
                    ? IgnoreRules.SYMBOLIC_LINK : "another copy of the written answers: " + ranked.get(0)
                    + " was read instead"));
        }
    }

    private LocatedFiles result() {
        findings.sort(Comparator.comparing((FileFinding found) -> found.finding().location().file())
                .thenComparing(found -> found.finding().rule()).thenComparing(found -> found.finding().message()));
        ignored.sort(Comparator.comparing(IgnoredFile::submissionPath).thenComparing(IgnoredFile::reason));
        return new LocatedFiles(found, findings, ignored, answers);
    }
}
