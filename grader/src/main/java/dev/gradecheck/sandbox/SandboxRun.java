package dev.gradecheck.sandbox;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.sandbox.spec.LingeringThreads;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a sandbox run observed.
 *
 * @param results one result per test of the job, in the job's order
 * @param isolation the isolation the child JVMs ran under
 * @param childJvmsStarted how many child JVMs were started (more than one when a child died or was stopped)
 * @param notes things an instructor may want to know that belong to no single test: event lines that were rejected as
 *     not authentic, report entries that were ignored, and the like; empty when nothing unusual happened
 * @param integrity tampering seen on the children's channels (rejected lines, events breaking the protocol)
 * @param lingering the tests that left threads running when they ended, in job order
 * @param squats what exercises left behind for the next exercise's tests (more than a limit of heap, direct memory
 *     or threads), in the order it was seen; the other exercises' tests ran in a fresh child
 */
@API(status = API.Status.INTERNAL)
public record SandboxRun(List<TestResult> results, Isolation isolation, int childJvmsStarted, List<String> notes,
                         Integrity integrity, List<LingeringThreads> lingering, List<ResourceSquat> squats) {

    public SandboxRun {
        results = List.copyOf(results);
        Objects.requireNonNull(isolation, "isolation");
        notes = List.copyOf(notes);
        Objects.requireNonNull(integrity, "integrity");
        lingering = List.copyOf(lingering);
        squats = List.copyOf(squats);
        if (childJvmsStarted < 0) {
            throw new IllegalArgumentException("childJvmsStarted must be >= 0, was " + childJvmsStarted);
        }
    }

    /** A run without notes. */
    public SandboxRun(List<TestResult> results, Isolation isolation, int childJvmsStarted) {
        this(results, isolation, childJvmsStarted, List.of(), Integrity.NONE, List.of(), List.of());
    }
}
