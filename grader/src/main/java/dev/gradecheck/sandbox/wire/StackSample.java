package dev.gradecheck.sandbox.wire;

import dev.gradecheck.protocol.Wire;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a running test's own code was when the child looked ({@link Wire#STACK_SAMPLE}): the course's frames of the
 * thread running it, innermost first. Student-influenced text (class, method and file names may hold any character
 * a Java identifier may, format characters included), so every name is made printable here and capped; the report
 * writers escape it further for where it goes. Information for the student's message only.
 *
 * @param frames innermost first, at most {@value #MAX_FRAMES}
 * @param stuck whether the child says a method it was told to watch has stayed on the stack for the patience
 */
@API(status = API.Status.INTERNAL)
public record StackSample(List<Site> frames, boolean stuck) {

    static final int MAX_FRAMES = 8;
    private static final int MAX_NAME_CHARS = 120;

    public StackSample {
        frames = List.copyOf(frames.subList(0, Math.min(frames.size(), MAX_FRAMES)));
    }

    /**
     * One frame of the student's code.
     *
     * @param className fully qualified
     * @param method the method's name ({@code <init>} for a constructor)
     * @param file the source file's name, or empty
     * @param line the line, or a negative number when unknown
     */
    public record Site(String className, String method, String file, int line) {

        public Site {
            className = printable(Objects.requireNonNull(className, "className"));
            method = printable(Objects.requireNonNull(method, "method"));
            file = printable(Objects.requireNonNull(file, "file"));
        }

        /** {@code backprop.autograd.Value#log}: what identifies the method, whatever line it is at. */
        public String methodKey() {
            return className + "#" + method;
        }

        /** {@code `Value.log`}. */
        public String describeMethod() {
            return "`" + className.substring(className.lastIndexOf('.') + 1) + "." + method + "`";
        }

        /** {@code `Value.log` (Value.java:142)}. */
        public String describe() {
            String where = file.isEmpty() ? "" : line > 0 ? " (" + file + ":" + line + ")" : " (" + file + ")";
            return describeMethod() + where;
        }
    }

    /** The innermost frame. */
    public Site innermost() {
        return frames.get(0);
    }

    static StackSample decode(JsonObject payload) {
        List<Site> sites = payload.getJsonArray(Wire.FRAMES).getValuesAs(JsonObject.class).stream()
                .limit(MAX_FRAMES)
                .map(f -> new Site(f.getString(Wire.FRAME_CLASS), f.getString(Wire.FRAME_METHOD),
                        f.getString(Wire.FRAME_FILE, ""), f.getInt(Wire.FRAME_LINE, -1)))
                .toList();
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a stack sample without frames");
        }
        return new StackSample(sites, payload.getBoolean(Wire.STUCK, false));
    }

    /** Controls, format characters (bidi overrides among them) and backticks replaced, capped in length. */
    private static String printable(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().limit(MAX_NAME_CHARS).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == '`' ? '?' : c));
        return safe.toString();
    }
}
