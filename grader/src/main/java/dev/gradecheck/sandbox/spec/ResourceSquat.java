package dev.gradecheck.sandbox.spec;

import dev.gradecheck.protocol.Wire;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one exercise's tests left behind in their child JVM, measured when the child moved on to the next exercise's
 * tests: more than the limit of heap, direct-buffer memory or running threads. The child stopped there, so the other
 * exercises' tests ran in a fresh child; the squat is charged to this exercise.
 *
 * @param exercise the exercise whose tests had just run
 * @param resource what it kept
 * @param limit the limit it exceeded: megabytes for memory, a count for threads (never the measured amount, which
 *     depends on timing)
 */
@API(status = API.Status.INTERNAL)
public record ResourceSquat(String exercise, Resource resource, long limit) {

    /** What can be squatted on. */
    public enum Resource {
        /** Heap still in use after a full garbage collection. */
        HEAP(Wire.HEAP),
        /** Direct buffers ({@code ByteBuffer.allocateDirect}) still allocated after a full garbage collection. */
        DIRECT_MEMORY(Wire.DIRECT_MEMORY),
        /** Threads started by the exercise's code and still running. */
        THREADS(Wire.THREADS);

        private final String wireName;

        Resource(String wireName) {
            this.wireName = wireName;
        }

        /** The name on the wire, as the child runner writes it. */
        public String wireName() {
            return wireName;
        }

        /** The resource with this {@link #wireName()}; {@link IllegalArgumentException} for any other name. */
        public static Resource ofWireName(String name) {
            for (Resource resource : values()) {
                if (resource.wireName().equals(name)) {
                    return resource;
                }
            }
            throw new IllegalArgumentException("unknown resource " + name);
        }
    }

    public ResourceSquat {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(resource, "resource");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
    }
}
