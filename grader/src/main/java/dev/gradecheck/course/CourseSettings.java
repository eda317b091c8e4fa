package dev.gradecheck.course;

import dev.gradecheck.policy.ApiFamily;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What a course's {@code course.json} declares for all its exercises; {@link #DEFAULT} when the course has none.
 * Exercises may override the API families and the limits in their {@code exercise.json}. Immutable.
 *
 * @param apiFamilies the API families every exercise may use (of {@link dev.gradecheck.policy.ForbiddenApi#OPENABLE});
 *     empty: all forbidden, as without a course file
 * @param testLibraries jars or class folders the hidden tests compile and run against besides JUnit, absolute, in
 *     file order; hashed into the suite hash
 * @param limits the child JVM's limits for every exercise
 * @param timeoutMillis the default time limit of one test, for exercises whose manifest gives none
 * @param compileHints per javac diagnostic code, the course's own hint, in file order
 */
@API(status = API.Status.INTERNAL)
public record CourseSettings(List<ApiFamily> apiFamilies, List<Path> testLibraries, Limits limits,
                             OptionalInt timeoutMillis, Map<String, String> compileHints) {

    /** A course without {@code course.json}: every family forbidden, no test library, the grader's limits. */
    public static final CourseSettings DEFAULT = new CourseSettings(List.of(), List.of(), Limits.NONE,
            OptionalInt.empty(), Map.of());

    public CourseSettings {
        apiFamilies = List.copyOf(apiFamilies);
        testLibraries = List.copyOf(testLibraries);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeoutMillis, "timeoutMillis");
        compileHints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compileHints));
    }
}
