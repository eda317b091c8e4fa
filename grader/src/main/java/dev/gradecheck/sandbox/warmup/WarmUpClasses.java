package dev.gradecheck.sandbox.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The warm-up cases a child runs before its job, as class files read from the grader's own class path: sent in memory
 * with every rehearsal ({@code RehearsalFormat}), and put in the training child's course folder when the class-data
 * archive is made. Thread-safe; read once.
 */
@API(status = API.Status.INTERNAL)
public final class WarmUpClasses {

    /** The binary name of the warm-up test class. */
    public static final String CLASS_NAME = WarmUpCases.class.getName();

    /** Its test methods, for a job that runs them. */
    public static final List<String> METHODS = List.of("passes", "parameterized", "checksAGradient", "fails");

    private static final Map<String, byte[]> CLASSES = Map.of(CLASS_NAME, read(WarmUpCases.class));

    private WarmUpClasses() {
    }

    /** Binary name to class file bytes, unmodifiable. */
    public static Map<String, byte[]> classes() {
        return CLASSES;
    }

    private static byte[] read(Class<?> type) {
        String file = type.getSimpleName() + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the grader's class path lacks " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from the grader's class path", e);
        }
    }
}
