package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.protocol.Wire;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Reads the child's events file while it grows: splits it into lines, accepts a line only when it is a frame whose
 * MAC verifies under the run's token and whose sequence number is the next one, and decodes it. Everything else
 * (lines a test printed into the file, forged or replayed frames, overlong lines) is dropped, counted, and put in the
 * poll's list as a {@link ChildEvent.Rejected} in its place among the authentic events, so the parent knows which
 * test was running when it was written.
 *
 * <p>Memory is bounded: a line longer than the limit is skipped as it streams past, and at most {@code maxTotalBytes}
 * of the file are read. Not thread-safe; one reader per child.
 */
@API(status = API.Status.INTERNAL)
public final class EventReader implements Closeable {

    private final Path file;
    private final byte[] token;
    private final int maxLineBytes;
    private final long maxTotalBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<String, Integer> rejected = new TreeMap<>();
    private FileChannel channel;
    private long position;
    private boolean skippingOverlongLine;
    private long expectedSequence = 1;

    public EventReader(Path file, byte[] token, int maxLineBytes, long maxTotalBytes) {
        this.file = file;
        this.token = token.clone();
        this.maxLineBytes = maxLineBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * The events appended since the last call, in order, with a {@link ChildEvent.Rejected} for each line that was
     * not authentic; empty while the child has not created the file.
     */
    public List<ChildEvent> poll() throws IOException {
        List<ChildEvent> events = new ArrayList<>();
        if (!open()) {
            return events;
        }
        if (channel.size() < position) {
            reject(events, IntegrityEvent.Kind.TRUNCATED, "the file shrank (someone truncated it)");
            position = channel.size();
            line.reset();
        }
        int read;
        while (position < maxTotalBytes && (read = channel.read(buffer.clear(), position)) > 0) {
            position += read;
            buffer.flip();
            split(events);
        }
        return events;
    }

    /** Counts of rejected lines by reason, in reason order; empty when every line was authentic. */
    Map<String, Integer> rejected() {
        return Collections.unmodifiableMap(new TreeMap<>(rejected));
    }

    private boolean open() throws IOException {
        if (channel != null) {
            return true;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return true;
    }

    private void split(List<ChildEvent> events) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            if (b == '\n') {
                endLine(events);
            } else if (!skippingOverlongLine) {
                line.write(b);
                if (line.size() > maxLineBytes) {
                    reject(events, IntegrityEvent.Kind.OVERLONG_LINE, "overlong line");
                    skippingOverlongLine = true;
                    line.reset();
                }
            }
        }
    }

    private void endLine(List<ChildEvent> events) {
        boolean skipped = skippingOverlongLine;
        skippingOverlongLine = false;
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (skipped || text.isBlank()) {
            return;
        }
        events.add(accept(text));
    }

    private ChildEvent accept(String text) {
        Optional<String[]> frame = frame(text);
        if (frame.isEmpty()) {
            return reject(IntegrityEvent.Kind.NOT_A_FRAME, "not a signed frame");
        }
        String payload = frame.get()[0];
        if (!Wire.verify(token, payload, frame.get()[1])) {
            return reject(IntegrityEvent.Kind.BAD_SIGNATURE, "wrong signature");
        }
        return decode(payload);
    }

    private ChildEvent decode(String payload) {
        try (JsonParser parser = Wire.json().createParser(new StringReader(payload))) {
            parser.next();
            JsonObject object = parser.getObject();
            long sequence = object.getJsonNumber(Wire.SEQ).longValueExact();
            if (sequence != expectedSequence) {
                return reject(IntegrityEvent.Kind.OUT_OF_SEQUENCE, sequence < expectedSequence
                        ? "out of sequence (replayed?)" : "out of sequence (frames left out?)");
            }
            ChildEvent event = ChildEvent.decode(object);
            expectedSequence++;
            return event;
        } catch (JsonException | IllegalArgumentException | IllegalStateException | ClassCastException
                 | NullPointerException | ArithmeticException e) {
            return reject(IntegrityEvent.Kind.UNDECODABLE, "signed but undecodable");
        }
    }

    /** {@code [payload, mac]} when the line is exactly {@code {"p": "...", "mac": "..."}}. */
    private static Optional<String[]> frame(String text) {
        try (JsonParser parser = Wire.json().createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            String[] frame = new String[2];
            JsonParser.Event event;
            while ((event = parser.next()) == JsonParser.Event.KEY_NAME) {
                int slot = slot(parser.getString());
                if (slot < 0 || frame[slot] != null || parser.next() != JsonParser.Event.VALUE_STRING) {
                    return Optional.empty();
                }
                frame[slot] = parser.getString();
            }
            boolean complete = event == JsonParser.Event.END_OBJECT && !parser.hasNext()
                    && frame[0] != null && frame[1] != null;
            return complete ? Optional.of(frame) : Optional.empty();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private static int slot(String key) {
        return Wire.FRAME_PAYLOAD.equals(key) ? 0 : Wire.FRAME_MAC.equals(key) ? 1 : -1;
    }

    private ChildEvent.Rejected reject(IntegrityEvent.Kind kind, String reason) {
        rejected.merge(reason, 1, Integer::sum);
        return new ChildEvent.Rejected(kind, reason);
    }

    private void reject(List<ChildEvent> events, IntegrityEvent.Kind kind, String reason) {
        events.add(reject(kind, reason));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
