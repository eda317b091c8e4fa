package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parent asks the child to do, as read from the child's standard input.
 *
 * @param token the run's secret MAC key, {@link Wire#TOKEN_BYTES} bytes
 * @param outputCapChars how many characters of each test's output to keep
 * @param classpath the course's class folders, loaded in their own class loader
 * @param tests the test methods to run, as {@code fully.qualified.Class#method}, in the parent's order
 * @param exercises the exercise id of each test, in the same order
 * @param limits what one exercise's tests may leave behind for the next exercise's
 * @param timeoutsMillis each test's time limit, in the same order (when to sample where it is, see
 *     {@link StackSampler}); the parent enforces it, not the child
 * @param loops per exercise, the methods ({@code Class#method}) that already ran past a test's limit
 * @param loopPatienceMillis how long one of those must stay on a test's stack before the child says so
 */
record ChildJob(byte[] token, int outputCapChars, List<Path> classpath, List<String> tests, List<String> exercises,
                RetainedResources.Limits limits, List<Long> timeoutsMillis, Map<String, Set<String>> loops,
                long loopPatienceMillis) {

    /** A job larger than this is not a job. */
    private static final int MAX_JOB_BYTES = 16 * 1024 * 1024;
    private static final long MEGABYTE = 1024 * 1024;

    ChildJob {
        if (token.length != Wire.TOKEN_BYTES) {
            throw new IllegalArgumentException("token must have " + Wire.TOKEN_BYTES + " bytes, had " + token.length);
        }
        classpath = List.copyOf(classpath);
        tests = List.copyOf(tests);
        exercises = List.copyOf(exercises);
        if (exercises.size() != tests.size()) {
            throw new IllegalArgumentException(tests.size() + " tests but " + exercises.size() + " exercise ids");
        }
        timeoutsMillis = List.copyOf(timeoutsMillis);
        if (timeoutsMillis.size() != tests.size()) {
            throw new IllegalArgumentException(tests.size() + " tests but " + timeoutsMillis.size() + " time limits");
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        loops.forEach((exercise, methods) -> copy.put(exercise, Set.copyOf(methods)));
        loops = Map.copyOf(copy);
        if (loopPatienceMillis < 0) {
            throw new IllegalArgumentException("loop patience must not be negative, was " + loopPatienceMillis);
        }
    }

    /** The time limit of a test of this job, in milliseconds. */
    long timeoutMillisOf(String test) {
        return timeoutsMillis.get(tests.indexOf(test));
    }

    /** The methods ({@code Class#method}) that already looped in this exercise; empty when none did. */
    Set<String> loopsOf(String exercise) {
        return loops.getOrDefault(exercise, Set.of());
    }

    /** The tests grouped by exercise: exercises in the order of their first test, each one's tests in order. */
    List<List<String>> testsByExercise() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            groups.computeIfAbsent(exercises.get(i), exercise -> new ArrayList<>()).add(tests.get(i));
        }
        return List.copyOf(groups.values());
    }

    /** The exercise of a test of this job. */
    String exerciseOf(String test) {
        return exercises.get(tests.indexOf(test));
    }

    /** Reads the whole stream (the parent closes it after the job) and parses the job. */
    static ChildJob read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JOB_BYTES);
        try (JsonParser parser = Wire.json().createParser(new ByteArrayInputStream(bytes))) {
            parser.next();
            return fromJson(parser.getObject());
        }
    }

    private static ChildJob fromJson(JsonObject job) {
        return new ChildJob(
                HexFormat.of().parseHex(job.getString(Wire.JOB_TOKEN)),
                job.getInt(Wire.JOB_OUTPUT_CAP),
                strings(job.getJsonArray(Wire.JOB_CLASSPATH)).stream().map(Path::of).toList(),
                strings(job.getJsonArray(Wire.JOB_TESTS)),
                strings(job.getJsonArray(Wire.JOB_EXERCISES)),
                new RetainedResources.Limits(job.getJsonNumber(Wire.JOB_HEAP_LIMIT_MB).longValue() * MEGABYTE,
                        job.getJsonNumber(Wire.JOB_DIRECT_LIMIT_MB).longValue() * MEGABYTE,
                        job.getInt(Wire.JOB_THREAD_LIMIT)),
                job.getJsonArray(Wire.JOB_TIMEOUTS_MILLIS).getValuesAs(JsonNumber.class).stream()
                        .map(JsonNumber::longValue).toList(),
                loops(job.getJsonArray(Wire.JOB_LOOPS)),
                job.getJsonNumber(Wire.JOB_LOOP_PATIENCE_MILLIS).longValue());
    }

    private static Map<String, Set<String>> loops(JsonArray loops) {
        Map<String, Set<String>> byExercise = new LinkedHashMap<>();
        for (JsonObject loop : loops.getValuesAs(JsonObject.class)) {
            byExercise.computeIfAbsent(loop.getString(Wire.EXERCISE), exercise -> new HashSet<>())
                    .add(loop.getString(Wire.CLASS) + "#" + loop.getString(Wire.FRAME_METHOD));
        }
        return byExercise;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
