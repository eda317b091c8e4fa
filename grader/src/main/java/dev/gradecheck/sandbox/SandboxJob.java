package dev.gradecheck.sandbox;

import dev.gradecheck.sandbox.spec.TestSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What to run in one sandbox run.
 *
 * @param classpath the course's class folders only (provided classes, the student's compiled classes, the compiled
 *     hidden tests); the sandbox adds JUnit, the toolkit and its runner itself. Never on the child's system class path:
 *     the child loads them in a class loader of their own.
 * @param tests the tests, each at most once; results come back in this order
 * @param workDirectory an existing, empty folder the grader owns; the child runs in it and the sandbox keeps its
 *     private files below it
 */
@API(status = API.Status.INTERNAL)
public record SandboxJob(List<Path> classpath, List<TestSpec> tests, Path workDirectory) {

    public SandboxJob {
        classpath = List.copyOf(classpath);
        tests = List.copyOf(tests);
        Objects.requireNonNull(workDirectory, "workDirectory");
        Set<Object> seen = new HashSet<>();
        for (TestSpec test : tests) {
            if (!seen.add(test.id())) {
                throw new IllegalArgumentException("test " + test.id() + " is listed twice in the sandbox job");
            }
        }
    }
}
