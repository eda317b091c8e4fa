package dev.gradecheck.submission;

import dev.gradecheck.api.Finding;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link StudentFileLocator} made of a submission.
 *
 * <p>Every finding about a declared file names its declared path in the message (and a missing file is located at
 * the submitted file that comes closest, else at the conventional {@code src/main/java/<declared path>}), so a caller
 * can attribute it to the exercise that declares the file.
 *
 * @param found declared path to the source taken for it, sorted by declared path; a declared file that is missing or
 *     unreadable has no entry
 * @param findings missing files ({@code missing-file}, zero), files declaring the same class twice
 *     ({@code duplicate-file}, warn), sources that cannot be read ({@code unreadable-source}: zero, or warn for a
 *     byte-order mark that was removed), sorted by location
 * @param ignored every other file of the submission with the reason it is not used, sorted by path
 */
public record LocatedFiles(Map<String, StudentSource> found, List<Finding> findings, List<IgnoredFile> ignored) {

    public LocatedFiles {
        Objects.requireNonNull(found, "found");
        found = Collections.unmodifiableSortedMap(new TreeMap<>(found));
        findings = List.copyOf(findings);
        ignored = List.copyOf(ignored);
    }
}
