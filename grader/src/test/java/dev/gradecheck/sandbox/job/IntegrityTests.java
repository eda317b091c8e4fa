package dev.gradecheck.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.IntegrityEvent.Kind;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.wire.EventReader;
import dev.gradecheck.sandbox.wire.EventReaderTests;
import dev.gradecheck.sandbox.wire.IntegrityLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with the events file, as the parent reads it: real files of signed frames with forged, replayed and
 * protocol-breaking lines among them. Each is recorded, with the test that was running, and never changes a result.
 */
class IntegrityTests {

    private static final byte[] TOKEN = filled((byte) 3);
    private static final byte[] STOLEN_NOTHING = filled((byte) 4);
    private static final String A = "x.T#a";
    private static final String B = "x.T#b";

    @TempDir
    Path temp;

    @Test
    void anHonestChannelLeavesTheGradingUnflagged() throws IOException {
        Outcome outcome = read(new Frames().ready().started(A).output(A, "hi").finished(A, "FAILED").started(B)
                .finished(B, "SUCCESSFUL").done());
        assertEquals(Integrity.NONE, outcome.integrity());
        assertEquals(TestStatus.ERROR, outcome.status(A));
        assertEquals(TestStatus.PASSED, outcome.status(B));
    }

    @Test
    void recordsAForgedMacAndGarbageWithTheTestThatWasRunning() throws IOException {
        Frames frames = new Frames().ready().started(A).raw("Tests run: 1, Failures: 0")
                .raw(Frames.frame(STOLEN_NOTHING, "{\"seq\":4,\"type\":\"finished\",\"test\":\"" + A
                        + "\",\"status\":\"SUCCESSFUL\"}"))
                .finished(A, "FAILED").done();
        Outcome outcome = read(frames);
        assertEquals(TestStatus.ERROR, outcome.status(A), "the forged success is dropped");
        assertEquals(List.of(
                event(Kind.NOT_A_FRAME, A, "a line of the events file was rejected: not a signed frame", 1),
                event(Kind.BAD_SIGNATURE, A, "a line of the events file was rejected: wrong signature", 1)),
                outcome.integrity().events());
        assertEquals(true, outcome.integrity().flagged());
    }

    @Test
    void recordsAReplayedFrameAndCountsRepeats() throws IOException {
        Frames frames = new Frames().ready().started(A);
        String started = frames.last();
        frames.raw(started).raw(started).finished(A, "SUCCESSFUL").done();
        Outcome outcome = read(frames);
        assertEquals(TestStatus.PASSED, outcome.status(A));
        assertEquals(List.of(event(Kind.OUT_OF_SEQUENCE, A,
                "a line of the events file was rejected: out of sequence (replayed?)", 2)), outcome.integrity().events());
    }

    @Test
    void keepsTheFirstResultAndRecordsASecondOne() throws IOException {
        Outcome outcome = read(new Frames().ready().started(A).finished(A, "FAILED").finished(A, "SUCCESSFUL")
                .done());
        assertEquals(TestStatus.ERROR, outcome.status(A), "the first authentic result is kept");
        assertEquals(List.of(event(Kind.SECOND_RESULT, A,
                "a result for a test that already had its result (the first result is kept)", 1)),
                outcome.integrity().events());
    }

    @Test
    void recordsEventsForTestsNotAskedForOrNotRunning() throws IOException {
        Outcome outcome = read(new Frames().ready()
                .finished(B, "SUCCESSFUL")
                .started(A).output(B, "sneaky").finished("x.Other#c", "SUCCESSFUL").finished(B, "SUCCESSFUL")
                .finished(A, "FAILED").started(B).finished(B, "FAILED").done());
        assertEquals(TestStatus.ERROR, outcome.status(A));
        assertEquals(TestStatus.ERROR, outcome.status(B), "no forged success got through");
        assertEquals(List.of(
                event(Kind.NOT_RUNNING_TEST, null, "a success for a test that never started: x.T#b (ignored)", 1),
                event(Kind.NOT_RUNNING_TEST, A, "output for a test that was not running: x.T#b (ignored)", 1),
                event(Kind.UNKNOWN_TEST, A, "a result for x.Other#c, which this job did not ask for", 1),
                event(Kind.NOT_RUNNING_TEST, A, "a result for a test other than the one running: x.T#b (ignored)", 1)),
                outcome.integrity().events());
    }

    @Test
    void acceptsWhatTheRunnerReportsOfTestsThatNeverRan() throws IOException {
        Outcome outcome = read(new Frames().ready().finished(A, "MISSING").finished(B, "SKIPPED").done());
        assertEquals(Integrity.NONE, outcome.integrity());
        assertEquals(TestStatus.ERROR, outcome.status(A));
        assertEquals(TestStatus.NOT_RUN, outcome.status(B));
    }

    @Test
    void acceptsASquatOnlyBetweenTestsAndForAnExerciseWhoseTestsTheChildJustRan() throws IOException {
        Outcome outcome = read(new Frames().ready().started(A).retained("", "heap").finished(A, "FAILED")
                .retained("elsewhere", "threads").retained("", "direct-memory"));
        assertEquals(List.of(new ResourceSquat("", ResourceSquat.Resource.DIRECT_MEMORY, 32)), outcome.squats());
        assertEquals(List.of(
                event(Kind.NOT_RUNNING_TEST, A, "a report of heap kept by exercise '', whose tests had not just run"
                        + " (ignored)", 1),
                event(Kind.NOT_RUNNING_TEST, null, "a report of threads kept by exercise 'elsewhere', whose tests"
                        + " had not just run (ignored)", 1)),
                outcome.integrity().events());
    }

    @Test
    void quotesAClaimedTestNameWithoutItsControlCharacters() {
        assertEquals("x.T#a?[2J", IntegrityLog.quoted("x.T#a\u001b[2J"));
        assertEquals("y".repeat(200) + "...", IntegrityLog.quoted("y".repeat(300)));
    }

    @Test
    void keepsAtMostFiftyDistinctObservations() {
        IntegrityLog log = new IntegrityLog();
        for (int i = 0; i < 70; i++) {
            log.record(Kind.UNKNOWN_TEST, Optional.empty(), "test " + i);
        }
        List<IntegrityEvent> events = log.integrity().events();
        assertEquals(IntegrityLog.MAX_DISTINCT + 1, events.size());
        assertEquals(event(Kind.UNKNOWN_TEST, null, "(more of this kind, not listed one by one)", 20),
                events.get(events.size() - 1));
    }

    private Outcome read(Frames frames) throws IOException {
        Path file = temp.resolve("events.jsonl");
        Files.writeString(file, String.join("\n", frames.lines) + "\n");
        JobLedger ledger = new JobLedger(List.of(spec(A), spec(B)), 1024);
        SessionState state = new SessionState(ledger);
        try (EventReader reader = new EventReader(file, TOKEN, 100_000, 1_000_000)) {
            state.apply(reader.poll());
        }
        return new Outcome(ledger.results(), ledger.integrity(), ledger.squats());
    }

    private static TestSpec spec(String test) {
        return new TestSpec(TestId.parse(test), Duration.ofSeconds(5));
    }

    private static IntegrityEvent event(Kind kind, String test, String detail, int count) {
        return new IntegrityEvent(kind, Optional.ofNullable(test).map(TestId::parse), detail, count);
    }

    private record Outcome(List<TestResult> results, Integrity integrity, List<ResourceSquat> squats) {
        TestStatus status(String test) {
            return results.stream().filter(r -> r.id().toString().equals(test)).findFirst().orElseThrow().status();
        }
    }

    /** Signed frames numbered as the runner numbers them, and raw lines between them. */
    private static final class Frames {
        private final List<String> lines = new ArrayList<>();
        private long sequence;

        Frames ready() {
            return event("\"type\":\"ready\"");
        }

        Frames done() {
            return event("\"type\":\"done\"");
        }

        Frames started(String test) {
            return event("\"type\":\"started\",\"test\":\"" + test + "\"");
        }

        Frames output(String test, String text) {
            return event("\"type\":\"output-so-far\",\"test\":\"" + test + "\",\"output\":\"" + text
                    + "\",\"dropped\":0");
        }

        Frames finished(String test, String status) {
            return event("\"type\":\"finished\",\"test\":\"" + test + "\",\"status\":\"" + status + "\"");
        }

        Frames retained(String exercise, String resource) {
            return event("\"type\":\"resources-retained\",\"exercise\":\"" + exercise + "\",\"resource\":\""
                    + resource + "\",\"limit\":32");
        }

        Frames raw(String line) {
            lines.add(line);
            return this;
        }

        String last() {
            return lines.get(lines.size() - 1);
        }

        private Frames event(String fields) {
            return raw(frame(TOKEN, "{\"" + Wire.SEQ + "\":" + ++sequence + "," + fields + "}"));
        }

        static String frame(byte[] token, String payload) {
            return EventReaderTests.frame(token, payload);
        }
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[Wire.TOKEN_BYTES];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
