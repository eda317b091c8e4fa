package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A hidden test method, as the exercise manifest names it: {@code backprop.mlp.MlpHiddenTests#db1IsSummedOverTheBatch}.
 *
 * @param className fully qualified name of the test class, never blank
 * @param methodName name of the test method (all invocations of a parameterized method share it), never blank
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TestId(String className, String methodName) {

    public TestId {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        if (className.isBlank() || methodName.isBlank()) {
            throw new IllegalArgumentException("test id needs a class and a method, was " + className + "#" + methodName);
        }
    }

    /** Parses {@code Class#method}; throws {@link IllegalArgumentException} naming the bad text. */
    public static TestId parse(String text) {
        int hash = text == null ? -1 : text.indexOf('#');
        if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException("a test must be written as fully.qualified.Class#method, was \"" + text + "\"");
        }
        return new TestId(text.substring(0, hash), text.substring(hash + 1));
    }

    /** The class name without its package. */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return className + "#" + methodName;
    }
}
