package dev.gradecheck.sandbox.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.protocol.Wire;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent's reading of the events file: only signed frames in sequence get through, and it reads as the file grows. */
public class EventReaderTests {

    private static final byte[] TOKEN = filled((byte) 7);
    private static final byte[] OTHER_TOKEN = filled((byte) 8);

    @TempDir
    Path temp;

    @Test
    void readsSignedEventsAsTheFileGrows() throws IOException {
        Path file = temp.resolve("events.jsonl");
        try (EventReader reader = new EventReader(file, TOKEN, 1000, 1_000_000)) {
            assertEquals(List.of(), reader.poll(), "no file yet");
            append(file, "\n" + frame(TOKEN, "{\"seq\":1,\"type\":\"ready\"}") + "\n");
            assertEquals(List.of(new ChildEvent.Ready()), reader.poll());
            String started = frame(TOKEN, "{\"seq\":2,\"type\":\"started\",\"test\":\"a.B#c\"}");
            append(file, started.substring(0, 10));
            assertEquals(List.of(), reader.poll(), "half a line is not an event yet");
            append(file, started.substring(10) + "\n");
            assertEquals(List.of(new ChildEvent.Started("a.B#c")), reader.poll());
            assertEquals(Map.of(), reader.rejected());
        }
    }

    @Test
    void rejectsForgedReplayedAndMalformedLines() throws IOException {
        Path file = temp.resolve("events.jsonl");
        String ready = frame(TOKEN, "{\"seq\":1,\"type\":\"ready\"}");
        Files.writeString(file, String.join("\n", List.of(
                ready,
                "Tests run: 10, Failures: 0",
                frame(OTHER_TOKEN, "{\"seq\":2,\"type\":\"done\"}"),
                ready,
                "{\"p\":\"x\",\"mac\":\"not hex\"}",
                "{\"p\":\"x\",\"mac\":\"00\",\"extra\":1}",
                frame(TOKEN, "{\"seq\":2,\"type\":\"surprise\"}"),
                frame(TOKEN, "{\"seq\":2,\"type\":\"done\"}"),
                "")));
        try (EventReader reader = new EventReader(file, TOKEN, 1000, 1_000_000)) {
            assertEquals(List.of(new ChildEvent.Ready(),
                    rejected(IntegrityEvent.Kind.NOT_A_FRAME, "not a signed frame"),
                    rejected(IntegrityEvent.Kind.BAD_SIGNATURE, "wrong signature"),
                    rejected(IntegrityEvent.Kind.OUT_OF_SEQUENCE, "out of sequence (replayed?)"),
                    rejected(IntegrityEvent.Kind.BAD_SIGNATURE, "wrong signature"),
                    rejected(IntegrityEvent.Kind.NOT_A_FRAME, "not a signed frame"),
                    rejected(IntegrityEvent.Kind.UNDECODABLE, "signed but undecodable"),
                    new ChildEvent.Done()), reader.poll(), "each rejected line in its place among the events");
            assertEquals(Map.of("not a signed frame", 2, "wrong signature", 2, "out of sequence (replayed?)", 1,
                    "signed but undecodable", 1), reader.rejected());
        }
    }

    @Test
    void skipsOverlongLinesWithoutHoldingThem() throws IOException {
        Path file = temp.resolve("events.jsonl");
        Files.writeString(file, "x".repeat(5000) + "\n" + frame(TOKEN, "{\"seq\":1,\"type\":\"ready\"}") + "\n");
        try (EventReader reader = new EventReader(file, TOKEN, 1000, 1_000_000)) {
            assertEquals(List.of(rejected(IntegrityEvent.Kind.OVERLONG_LINE, "overlong line"), new ChildEvent.Ready()),
                    reader.poll());
            assertEquals(Map.of("overlong line", 1), reader.rejected());
        }
    }

    @Test
    void decodesAFinishedEventWithItsFailure() throws IOException {
        Path file = temp.resolve("events.jsonl");
        String payload = "{\"seq\":1,\"type\":\"finished\",\"test\":\"a.B#c\",\"status\":\"FAILED\",\"output\":\"hi\","
                + "\"dropped\":5,\"durationNanos\":1000000,\"invocations\":0,\"failedInvocations\":0,"
                + "\"failure\":{\"exception\":\"java.lang.AssertionError\",\"message\":\"no\",\"assertion\":true,"
                + "\"frames\":[{\"class\":\"a.C\",\"method\":\"m\",\"file\":\"C.java\",\"line\":3,\"own\":true}],"
                + "\"omittedFrames\":0}}";
        Files.writeString(file, frame(TOKEN, payload) + "\n");
        try (EventReader reader = new EventReader(file, TOKEN, 100_000, 1_000_000)) {
            ChildEvent.Finished finished = assertInstanceOf(ChildEvent.Finished.class, reader.poll().get(0));
            assertEquals("hi", finished.output().text());
            assertEquals(5, finished.output().droppedChars());
            assertEquals("a.C.m(C.java:3)", finished.failure().orElseThrow().frames().get(0).toString());
            assertTrue(finished.failure().orElseThrow().assertion());
        }
    }

    @Test
    void tellsAFrameLeftOutFromAReplayAndNoticesATruncation() throws IOException {
        Path file = temp.resolve("events.jsonl");
        Files.writeString(file, frame(TOKEN, "{\"seq\":1,\"type\":\"ready\"}") + "\n"
                + frame(TOKEN, "{\"seq\":3,\"type\":\"done\"}") + "\n");
        try (EventReader reader = new EventReader(file, TOKEN, 1000, 1_000_000)) {
            assertEquals(List.of(new ChildEvent.Ready(),
                    rejected(IntegrityEvent.Kind.OUT_OF_SEQUENCE, "out of sequence (frames left out?)")), reader.poll());
            Files.writeString(file, "");
            assertEquals(List.of(rejected(IntegrityEvent.Kind.TRUNCATED, "the file shrank (someone truncated it)")),
                    reader.poll());
        }
    }

    private static ChildEvent.Rejected rejected(IntegrityEvent.Kind kind, String reason) {
        return new ChildEvent.Rejected(kind, reason);
    }

    public static String frame(byte[] token, String payload) {
        StringWriter frame = new StringWriter();
        try (var generator = Wire.json().createGenerator(frame)) {
            generator.writeStartObject().write(Wire.FRAME_PAYLOAD, payload)
                    .write(Wire.FRAME_MAC, Wire.sign(token, payload)).writeEnd();
        }
        return frame.toString();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[Wire.TOKEN_BYTES];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
