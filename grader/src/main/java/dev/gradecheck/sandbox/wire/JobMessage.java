package dev.gradecheck.sandbox.wire;

import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.TestSpec;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/** Writes a child's job (see {@link Wire}) to its standard input and closes it. */
@API(status = API.Status.INTERNAL)
public final class JobMessage {

    private JobMessage() {
    }

    /**
     * Sends the job; a child that died before reading it is not an error here (following the child shows how it
     * ended), so write failures are swallowed.
     */
    public static void send(Process child, byte[] token, int outputCapChars, List<Path> courseClasspath,
                     List<TestSpec> tests, SquatLimits limits) {
        send(child, token, outputCapChars, courseClasspath, tests, limits, List.of(), Duration.ZERO);
    }

    /**
     * Sends the job, with the methods that already overran a test's limit in this run and how long one of them must
     * stay on a later test's stack before the child says so.
     */
    public static void send(Process child, byte[] token, int outputCapChars, List<Path> courseClasspath,
                     List<TestSpec> tests, SquatLimits limits, List<Loop> loops, Duration loopPatience) {
        try (OutputStream stdin = child.getOutputStream();
             JsonGenerator job = Wire.json().createGenerator(stdin)) {
            job.writeStartObject()
                    .write(Wire.JOB_TOKEN, HexFormat.of().formatHex(token))
                    .write(Wire.JOB_OUTPUT_CAP, outputCapChars)
                    .write(Wire.JOB_HEAP_LIMIT_MB, limits.heapMegabytes())
                    .write(Wire.JOB_DIRECT_LIMIT_MB, limits.directMegabytes())
                    .write(Wire.JOB_THREAD_LIMIT, limits.threads());
            job.writeStartArray(Wire.JOB_CLASSPATH);
            courseClasspath.forEach(path -> job.write(path.toString()));
            job.writeEnd().writeStartArray(Wire.JOB_TESTS);
            tests.forEach(test -> job.write(test.id().toString()));
            job.writeEnd().writeStartArray(Wire.JOB_EXERCISES);
            tests.forEach(test -> job.write(test.exercise()));
            job.writeEnd().writeStartArray(Wire.JOB_TIMEOUTS_MILLIS);
            tests.forEach(test -> job.write(test.timeout().toMillis()));
            job.writeEnd().writeStartArray(Wire.JOB_LOOPS);
            loops.forEach(loop -> job.writeStartObject()
                    .write(Wire.EXERCISE, loop.exercise())
                    .write(Wire.CLASS, loop.site().className())
                    .write(Wire.FRAME_METHOD, loop.site().method())
                    .writeEnd());
            job.writeEnd().write(Wire.JOB_LOOP_PATIENCE_MILLIS, loopPatience.toMillis()).writeEnd();
        } catch (IOException | JsonException e) {
            // The child died before reading its job.
        }
    }
}
