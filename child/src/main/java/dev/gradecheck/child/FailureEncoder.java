package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import jakarta.json.stream.JsonGenerator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes a {@link Throwable} as event data: its class, capped message, whether it is an assertion failure, the top of
 * its stack with each frame marked "own" when it belongs to course code that is not a hidden test, and its causes.
 * The parent turns this into the message a student reads; nothing here is formatted for people.
 *
 * <p>Thread-safe (immutable).
 */
final class FailureEncoder {

    private static final int MAX_FRAMES = 48;
    private static final int MAX_CAUSES = 4;
    private static final int MAX_MESSAGE_CHARS = 4000;

    private final Set<String> testClasses;

    /** @param testClasses the hidden test classes' names; their frames (and their nested classes') are not "own" */
    FailureEncoder(Set<String> testClasses) {
        this.testClasses = Set.copyOf(testClasses);
    }

    /** Writes {@code thrown} as an object field named {@code name} of the open object. */
    void write(JsonGenerator generator, String name, Throwable thrown) {
        generator.writeStartObject(name);
        writeBody(generator, thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
        generator.writeEnd();
    }

    private void writeBody(JsonGenerator generator, Throwable thrown, Set<Throwable> seen) {
        seen.add(thrown);
        generator.write(Wire.EXCEPTION, thrown.getClass().getName());
        String message = safeMessage(thrown);
        if (message != null) {
            generator.write(Wire.MESSAGE, cap(message));
        }
        generator.write(Wire.ASSERTION, thrown instanceof AssertionError);
        writeFrames(generator, thrown.getStackTrace());
        Throwable cause = thrown.getCause();
        if (cause != null && !seen.contains(cause) && seen.size() <= MAX_CAUSES) {
            generator.writeStartObject(Wire.CAUSE);
            writeBody(generator, cause, seen);
            generator.writeEnd();
        }
    }

    /** A student's exception may throw from getMessage(); that must not break the report. */
    private static String safeMessage(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "(its getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private void writeFrames(JsonGenerator generator, StackTraceElement[] frames) {
        int shown = Math.min(frames.length, MAX_FRAMES);
        generator.writeStartArray(Wire.FRAMES);
        for (int i = 0; i < shown; i++) {
            writeFrame(generator, frames[i]);
        }
        generator.writeEnd();
        generator.write(Wire.OMITTED_FRAMES, frames.length - shown);
    }

    private void writeFrame(JsonGenerator generator, StackTraceElement frame) {
        generator.writeStartObject()
                .write(Wire.FRAME_CLASS, frame.getClassName())
                .write(Wire.FRAME_METHOD, frame.getMethodName())
                .write(Wire.FRAME_FILE, frame.getFileName() == null ? "" : frame.getFileName())
                .write(Wire.FRAME_LINE, frame.getLineNumber())
                .write(Wire.FRAME_OWN, isOwn(frame))
                .writeEnd();
    }

    /** Whether the frame is course code (loaded by the course loader) that is not a hidden test: the student's, or provided. */
    boolean isOwn(StackTraceElement frame) {
        if (!CourseClassLoader.NAME.equals(frame.getClassLoaderName())) {
            return false;
        }
        String className = frame.getClassName();
        int nested = className.indexOf('$');
        return !testClasses.contains(nested < 0 ? className : className.substring(0, nested));
    }

    private static String cap(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
