package dev.gradecheck.ratelimit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads Gradescope's {@code submission_metadata.json} (gradescope-autograders docs, "Submission Metadata"):
 * {@code created_at}, and per {@code previous_submissions} entry {@code submission_time}, {@code score} and
 * {@code results} (that run's {@code results.json}). Other fields are ignored. A previous run counts as errored —
 * not graded — when its {@code score} is not a number, its {@code results} is not an object holding a {@code score}
 * or {@code tests}, or its results are gradecheck's and say nothing was graded ({@code extra_data.not_graded}).
 */
@API(status = API.Status.INTERNAL)
public final class SubmissionMetadataReader {

    private SubmissionMetadataReader() {
    }

    /**
     * The metadata in {@code file}.
     *
     * @throws MetadataException naming the file and the field, when the file cannot be read, is not JSON, or lacks a
     *     valid {@code created_at}, a {@code previous_submissions} array, or an entry's {@code submission_time}
     */
    public static SubmissionMetadata read(Path file) throws MetadataException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MetadataException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    /** The metadata in {@code text}, {@code source} naming it in messages; see {@link #read(Path)}. */
    public static SubmissionMetadata parse(String source, String text) throws MetadataException {
        JsonObject root = object(source, text);
        OffsetDateTime createdAt = time(source, "created_at", root.get("created_at"));
        JsonElement previous = root.get("previous_submissions");
        if (previous == null || !previous.isJsonArray()) {
            throw new MetadataException(source + ": \"previous_submissions\" must be an array, was "
                    + (previous == null ? "missing" : shorten(previous)));
        }
        List<PreviousSubmission> submissions = new ArrayList<>();
        JsonArray entries = previous.getAsJsonArray();
        for (int i = 0; i < entries.size(); i++) {
            submissions.add(entry(source, "previous_submissions[" + i + "]", entries.get(i)));
        }
        return new SubmissionMetadata(createdAt, submissions);
    }

    private static JsonObject object(String source, String text) throws MetadataException {
        try {
            JsonElement tree = JsonParser.parseString(text);
            if (tree.isJsonObject()) {
                return tree.getAsJsonObject();
            }
            throw new MetadataException(source + ": must hold a JSON object, was " + shorten(tree));
        } catch (JsonParseException e) {
            throw new MetadataException(source + ": is not JSON (" + e.getMessage() + ")", e);
        }
    }

    private static PreviousSubmission entry(String source, String where, JsonElement element)
            throws MetadataException {
        if (!element.isJsonObject()) {
            throw new MetadataException(source + ": " + where + " must be an object, was " + shorten(element));
        }
        JsonObject entry = element.getAsJsonObject();
        OffsetDateTime time = time(source, where + ".submission_time", entry.get("submission_time"));
        JsonElement results = entry.get("results");
        Optional<Double> score = errored(entry.get("score"), results) ? Optional.empty()
                : Optional.of(entry.get("score").getAsDouble());
        return new PreviousSubmission(time, score, visibility(results));
    }

    private static boolean errored(JsonElement score, JsonElement results) {
        if (!(score instanceof JsonPrimitive number && number.isNumber()) || results == null
                || !results.isJsonObject()) {
            return true;
        }
        JsonObject object = results.getAsJsonObject();
        boolean hasResult = object.get("score") instanceof JsonPrimitive s && s.isNumber()
                || object.get("tests") instanceof JsonArray;
        JsonElement extra = object.get("extra_data");
        boolean notGraded = extra != null && extra.isJsonObject() && extra.getAsJsonObject().has("not_graded");
        return !hasResult || notGraded;
    }

    /** The strictest visibility among the results' own and its tests'; {@code visible} when there is none. */
    private static String visibility(JsonElement results) {
        List<String> seen = new ArrayList<>();
        if (results != null && results.isJsonObject()) {
            JsonObject object = results.getAsJsonObject();
            seen.add(string(object.get("visibility")));
            if (object.get("tests") instanceof JsonArray tests) {
                tests.forEach(test -> seen.add(test.isJsonObject() ? string(test.getAsJsonObject().get("visibility"))
                        : ""));
            }
        }
        for (String strictest : List.of("hidden", "after_published", "after_due_date")) {
            if (seen.contains(strictest)) {
                return strictest;
            }
        }
        return "visible";
    }

    private static String string(JsonElement element) {
        return element instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString() : "";
    }

    private static OffsetDateTime time(String source, String field, JsonElement value) throws MetadataException {
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            try {
                return OffsetDateTime.parse(primitive.getAsString());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new MetadataException(source + ": \"" + field + "\" must be a date-time with an offset like "
                + "\"2025-01-01T10:00:00.000000-08:00\", was " + (value == null ? "missing" : shorten(value)));
    }

    private static String shorten(JsonElement element) {
        String text = element.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
