package dev.gradecheck.sandbox.wire;

import dev.gradecheck.protocol.Wire;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An exception as the child described it: enough to write a student-facing message, nothing executable.
 *
 * @param exception fully qualified class name
 * @param message its message, or empty
 * @param assertion whether it is an {@link AssertionError} (a failed check rather than a crash)
 * @param frames the top of its stack
 * @param omittedFrames how many frames below those were not sent
 * @param cause its cause, if any
 */
@API(status = API.Status.INTERNAL)
public record Thrown(String exception, String message, boolean assertion, List<Frame> frames, int omittedFrames,
              Optional<Thrown> cause) {

    public Thrown {
        frames = List.copyOf(frames);
    }

    /**
     * One stack frame.
     *
     * @param own whether it belongs to course code that is not a hidden test (the student's or provided classes)
     */
    record Frame(String className, String method, String file, int line, boolean own) {

        /** {@code backprop.mlp.Mlp.backward(Mlp.java:41)}. */
        @Override
        public String toString() {
            String where = file.isEmpty() ? "Unknown Source" : line > 0 ? file + ":" + line : file;
            return className + "." + method + "(" + where + ")";
        }
    }

    /** The simple name of the exception class, e.g. {@code StackOverflowError}. */
    String simpleName() {
        return exception.substring(exception.lastIndexOf('.') + 1);
    }

    static Thrown decode(JsonObject json) {
        List<Frame> frames = json.getJsonArray(Wire.FRAMES).getValuesAs(JsonObject.class).stream()
                .map(f -> new Frame(f.getString(Wire.FRAME_CLASS), f.getString(Wire.FRAME_METHOD),
                        f.getString(Wire.FRAME_FILE, ""), f.getInt(Wire.FRAME_LINE, -1),
                        f.getBoolean(Wire.FRAME_OWN, false)))
                .toList();
        return new Thrown(json.getString(Wire.EXCEPTION), json.getString(Wire.MESSAGE, ""),
                json.getBoolean(Wire.ASSERTION, false), frames, json.getInt(Wire.OMITTED_FRAMES, 0),
                Optional.ofNullable(json.getJsonObject(Wire.CAUSE)).map(Thrown::decode));
    }
}
