package dev.gradecheck.sandbox.spec;

import dev.gradecheck.api.TestId;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Threads a test started that were still alive when it ended. What they print afterwards is no test's output (it is
 * discarded), but they are the student's doing, so the grader reports them on the test's exercise.
 *
 * @param test the test that started them
 * @param threads how many, {@code >= 1}
 * @param names up to three of their names, printable, sorted (chosen by the student's code)
 */
@API(status = API.Status.INTERNAL)
public record LingeringThreads(TestId test, int threads, List<String> names) {

    public LingeringThreads {
        Objects.requireNonNull(test, "test");
        names = List.copyOf(names);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }
}
