package dev.gradecheck.course;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A known-bug variant of an exercise: replacement student files carrying one misconception.
 *
 * @param code the misconception code, also the folder name under {@code mutants/}
 * @param summary what is wrong, in one sentence
 * @param folder the folder holding the replacement {@code .java} files
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Mutant(String code, String summary, Path folder) {

    public Mutant {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(folder, "folder");
    }
}
