package dev.gradecheck.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The compiled instructor code of one suite hash, under {@code out/.cache/<suiteHash>/}. Read-only once built.
 *
 * @param providedClasses the provided code, compiled on its own
 * @param solutionClasses the solutions, compiled against the provided classes
 * @param hiddenTestClasses per exercise id, its hidden tests compiled against provided code, solutions, JUnit, toolkit
 * @param testLibraries the grader's jars the hidden tests were compiled against (JUnit Jupiter and what it needs)
 * @param stubClasses the template's student files (the stubs students start from), compiled against the provided
 *     classes: code with the solutions' API and none of their answers, for warming up a child that will run student
 *     code
 * @param courseLibraries the test libraries the course's {@code course.json} names, copied into the build (in file
 *     order): on the hidden tests' compile path and on the class path of every child JVM that runs them
 */
@API(status = API.Status.INTERNAL)
public record CourseBuild(Path providedClasses, Path solutionClasses, Map<String, Path> hiddenTestClasses,
                          List<Path> testLibraries, Path stubClasses, List<Path> courseLibraries) {

    public CourseBuild {
        Objects.requireNonNull(providedClasses, "providedClasses");
        Objects.requireNonNull(solutionClasses, "solutionClasses");
        Objects.requireNonNull(stubClasses, "stubClasses");
        hiddenTestClasses = Map.copyOf(hiddenTestClasses);
        testLibraries = List.copyOf(testLibraries);
        courseLibraries = List.copyOf(courseLibraries);
    }

    /** The hidden test classes of one exercise; throws {@link IllegalArgumentException} for an unknown id. */
    public Path hiddenTests(String exerciseId) {
        Path classes = hiddenTestClasses.get(exerciseId);
        if (classes == null) {
            throw new IllegalArgumentException("no exercise \"" + exerciseId + "\" in this course");
        }
        return classes;
    }
}
