package dev.gradecheck.submission;

import dev.gradecheck.api.Finding;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What {@link StudentFileLocator} made of a submission.
 *
 * <p>Every finding is about one declared file and carries its declared path ({@link FileFinding#declaredPath()}),
 * so a caller gives it to the exercise that declares the file ({@link #findingsAbout}). Its message names the
 * declared path too, and a missing file is located at the submitted file that comes closest, else at the
 * conventional {@code src/main/java/<declared path>}.
 *
 * @param found declared path to the source taken for it, sorted by declared path; a declared file that is missing or
 *     unreadable has no entry
 * @param fileFindings missing files ({@code missing-file}, zero), files declaring the same class twice
 *     ({@code duplicate-file}, warn), sources that cannot be read ({@code unreadable-source}: zero, or warn for a
 *     byte-order mark that was removed), each with its declared file, sorted by location
 * @param ignored every other file of the submission with the reason it is not used, sorted by path
 * @param answers each written-answer file asked for ({@code ANSWERS.md}, as manifests name it) to what was found
 *     for it, sorted by name
 */
@API(status = API.Status.INTERNAL)
public record LocatedFiles(Map<String, StudentSource> found, List<FileFinding> fileFindings, List<IgnoredFile> ignored,
                           Map<String, AnswerFile> answers) {

    public LocatedFiles {
        Objects.requireNonNull(found, "found");
        found = Collections.unmodifiableSortedMap(new TreeMap<>(found));
        fileFindings = List.copyOf(fileFindings);
        ignored = List.copyOf(ignored);
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers));
    }

    /** Located files without written-answer files. */
    public LocatedFiles(Map<String, StudentSource> found, List<FileFinding> fileFindings, List<IgnoredFile> ignored) {
        this(found, fileFindings, ignored, Map.of());
    }

    /** What was found for the answer file {@code name}; {@link AnswerFile.Missing} if it was not asked for. */
    public AnswerFile answer(String name) {
        return answers.getOrDefault(name, new AnswerFile.Missing());
    }

    /** Every finding, sorted by location. */
    public List<Finding> findings() {
        return fileFindings.stream().map(FileFinding::finding).toList();
    }

    /** The findings about these declared files (one exercise's), in the order of {@link #findings()}. */
    public List<Finding> findingsAbout(Collection<String> declaredPaths) {
        return fileFindings.stream().filter(found -> declaredPaths.contains(found.declaredPath()))
                .map(FileFinding::finding).toList();
    }
}
