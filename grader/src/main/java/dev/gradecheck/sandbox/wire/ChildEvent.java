package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One authenticated event from the child runner, decoded; or, in its place in the stream, a {@link Rejected} line
 * that was not one.
 */
@API(status = API.Status.INTERNAL)
public sealed interface ChildEvent {

    /** Not an event: a line of the channel that was rejected (see {@link EventReader}), kept for the record. */
    record Rejected(IntegrityEvent.Kind kind, String reason) implements ChildEvent {
    }

    /** The child has read its job and opened the channel; no course class has been loaded yet. */
    record Ready() implements ChildEvent {
    }

    /** JUnit started a test class (outside any requested method). */
    record ClassStarted(String className) implements ChildEvent {
    }

    /** JUnit finished a test class. */
    record ClassFinished(String className) implements ChildEvent {
    }

    /** A requested test method started. */
    record Started(String test) implements ChildEvent {
    }

    /** A running test published a report entry. */
    record Entry(String test, String key, String value) implements ChildEvent {
    }

    /** The running test's output so far, sent while it runs. */
    record OutputSoFar(String test, CapturedOutput output) implements ChildEvent {
    }

    /** Where the running test's own code was (see {@link StackSample}). */
    record Sampled(String test, StackSample sample) implements ChildEvent {
    }

    /**
     * A requested test method ended, or will never run.
     *
     * @param test {@code Class#method}
     * @param status one of the {@link Wire} statuses
     * @param note the child's explanation when it did not run normally, else empty
     * @param failure what it threw (or its first failing invocation threw), if anything
     * @param invocation display name of the first failing invocation when that decided the outcome, else empty
     * @param invocations how many invocations (or dynamic tests) ran below the method; 0 for a plain test
     * @param failedInvocations how many of those did not succeed
     * @param lingering the threads it started that were still alive when it ended: how many, and up to three names
     */
    record Finished(String test, String status, String note, Optional<Thrown> failure, CapturedOutput output,
                    Duration duration, String invocation, int invocations, int failedInvocations, Lingering lingering)
            implements ChildEvent {
    }

    /** Threads a test left running: how many, and up to three of their names (printable, sorted). */
    record Lingering(int threads, List<String> names) {

        static final Lingering NONE = new Lingering(0, List.of());

        public Lingering {
            names = List.copyOf(names);
        }
    }

    /**
     * Between two exercises' tests, the earlier exercise had left more than a limit of a resource behind; the child
     * stops after this, without {@link Done}.
     */
    record ResourcesRetained(String exercise, ResourceSquat.Resource resource, long limit) implements ChildEvent {
    }

    /** The child ran everything it was asked to and is about to halt. */
    record Done() implements ChildEvent {
    }

    /**
     * Decodes an authenticated payload. Throws {@link IllegalArgumentException} (or a JSON-P exception) for a payload
     * of unknown type or shape, which the reader counts as a rejected line.
     */
    static ChildEvent decode(JsonObject payload) {
        String type = payload.getString(Wire.TYPE);
        return switch (type) {
            case Wire.READY -> new Ready();
            case Wire.CLASS_STARTED -> new ClassStarted(payload.getString(Wire.CLASS));
            case Wire.CLASS_FINISHED -> new ClassFinished(payload.getString(Wire.CLASS));
            case Wire.STARTED -> new Started(payload.getString(Wire.TEST));
            case Wire.ENTRY -> new Entry(payload.getString(Wire.TEST), payload.getString(Wire.KEY),
                    payload.getString(Wire.VALUE));
            case Wire.OUTPUT_SO_FAR -> new OutputSoFar(payload.getString(Wire.TEST), new CapturedOutput(
                    payload.getString(Wire.OUTPUT), payload.getJsonNumber(Wire.DROPPED).longValue()));
            case Wire.STACK_SAMPLE -> new Sampled(payload.getString(Wire.TEST), StackSample.decode(payload));
            case Wire.FINISHED -> finished(payload);
            case Wire.RESOURCES_RETAINED -> new ResourcesRetained(payload.getString(Wire.EXERCISE),
                    ResourceSquat.Resource.ofWireName(payload.getString(Wire.RESOURCE)),
                    payload.getJsonNumber(Wire.LIMIT).longValue());
            case Wire.DONE -> new Done();
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    private static Finished finished(JsonObject payload) {
        JsonObject failure = payload.getJsonObject(Wire.FAILURE);
        return new Finished(
                payload.getString(Wire.TEST),
                payload.getString(Wire.STATUS),
                payload.getString(Wire.NOTE, ""),
                Optional.ofNullable(failure).map(Thrown::decode),
                new CapturedOutput(payload.getString(Wire.OUTPUT, ""),
                        payload.containsKey(Wire.DROPPED) ? payload.getJsonNumber(Wire.DROPPED).longValue() : 0),
                Duration.ofNanos(payload.containsKey(Wire.DURATION_NANOS)
                        ? payload.getJsonNumber(Wire.DURATION_NANOS).longValue() : 0),
                payload.getString(Wire.INVOCATION, ""),
                payload.getInt(Wire.INVOCATIONS, 0),
                payload.getInt(Wire.FAILED_INVOCATIONS, 0),
                lingering(payload));
    }

    private static Lingering lingering(JsonObject payload) {
        if (!payload.containsKey(Wire.LINGERING)) {
            return Lingering.NONE;
        }
        return new Lingering(payload.getInt(Wire.LINGERING), payload.getJsonArray(Wire.LINGERING_NAMES)
                .getValuesAs(jakarta.json.JsonString::getString).stream().limit(3).toList());
    }
}
