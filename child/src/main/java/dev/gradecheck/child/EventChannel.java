package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The child's end of the event channel: appends signed, numbered event frames (see {@link Wire}) to the events file
 * and flushes each one at once, so the parent sees a test start the moment it starts.
 *
 * <p>Thread-safe. Write failures surface as {@link UncheckedIOException}: the child cannot report anything more, and
 * the parent will treat the silence as a crash.
 */
final class EventChannel implements Closeable {

    private final Writer out;
    private final byte[] token;
    private long sequence;

    private EventChannel(Writer out, byte[] token) {
        this.out = out;
        this.token = token.clone();
    }

    /**
     * A channel on {@code stream}: the child's real standard output, taken before anything else could use it. The
     * parent sends it to a file the child cannot open by name (outside its sandbox, or private to the grader's user).
     */
    static EventChannel create(OutputStream stream, byte[] token) {
        return new EventChannel(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), token);
    }

    /** A channel whose events are signed and then dropped, for a rehearsal. */
    static EventChannel discarding() {
        return new EventChannel(Writer.nullWriter(), new byte[Wire.TOKEN_BYTES]);
    }

    /** Sends one event of the given type; {@code fields} writes its other fields into the open event object. */
    synchronized void send(String type, Consumer<JsonGenerator> fields) {
        String payload = payload(++sequence, type, fields);
        StringWriter frame = new StringWriter();
        try (JsonGenerator generator = Wire.json().createGenerator(frame)) {
            generator.writeStartObject()
                    .write(Wire.FRAME_PAYLOAD, payload)
                    .write(Wire.FRAME_MAC, Wire.sign(token, payload))
                    .writeEnd();
        }
        write(frame.toString());
    }

    private static String payload(long sequence, String type, Consumer<JsonGenerator> fields) {
        StringWriter payload = new StringWriter();
        try (JsonGenerator generator = Wire.json().createGenerator(payload)) {
            generator.writeStartObject().write(Wire.SEQ, sequence).write(Wire.TYPE, type);
            fields.accept(generator);
            generator.writeEnd();
        }
        return payload.toString();
    }

    private void write(String frame) {
        try {
            out.write('\n');
            out.write(frame);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the events file", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
