package dev.gradecheck.cluster.grading;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a worker sends back for a job: the exit code {@code grade} ended with, what it printed on standard error, the
 * path the worker graded the submission at (so the coordinator can put its own in), and every report file the grading
 * wrote, by name, as text. One JSON document, UTF-8.
 *
 * @param exitCode the grading's exit code
 * @param errors its standard error
 * @param gradedAs the submission's path on the worker
 * @param files report file name (a plain name, no folder) to its text
 */
record ReportPackage(int exitCode, String errors, String gradedAs, Map<String, String> files) {

    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Gson GSON = new Gson();

    ReportPackage {
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(gradedAs, "gradedAs");
        files = Map.copyOf(new TreeMap<>(files));
        for (String name : files.keySet()) {
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a report file is a plain name such as report.json, not '" + name
                        + "'");
            }
        }
    }

    byte[] toBytes() {
        JsonObject json = new JsonObject();
        json.addProperty("exit_code", exitCode);
        json.addProperty("errors", errors);
        json.addProperty("graded_as", gradedAs);
        JsonObject texts = new JsonObject();
        new TreeMap<>(files).forEach(texts::addProperty);
        json.add("files", texts);
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The package in {@code bytes}.
     *
     * @throws IOException when they are not one (a worker of another version, say); the message says what
     */
    static ReportPackage of(byte[] bytes) throws IOException {
        try {
            JsonObject json = GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), JsonObject.class);
            Map<String, String> files = new TreeMap<>();
            json.getAsJsonObject("files").entrySet().forEach(e -> files.put(e.getKey(), e.getValue().getAsString()));
            return new ReportPackage(json.get("exit_code").getAsInt(), json.get("errors").getAsString(),
                    json.get("graded_as").getAsString(), files);
        } catch (JsonParseException | NullPointerException | IllegalStateException | ClassCastException
                 | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException("a worker's report is not one this coordinator reads (" + e.getMessage()
                    + "): run the same gradecheck version on every machine", e);
        }
    }
}
