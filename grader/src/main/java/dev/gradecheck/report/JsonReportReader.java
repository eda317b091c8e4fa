package dev.gradecheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Figure;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.Visibility;
import dev.gradecheck.api.WrittenAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Reads a {@code report.json} that {@link JsonReportWriter} wrote back into the {@link GradeReport} it was written
 * from, so that a report can be rendered in another format later without grading again (the class batch renders the
 * feedback pages so). Writing what this reads gives the same text. What the format does not carry is left at its
 * default: whether a zeroing finding blocked the tests. Meant for a report as graded (the class batch keeps those in
 * {@code DIR/.batch/graded}); keys a manual-grade merge adds (an item's {@code awarded} and {@code comment}) are not
 * read. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonReportReader {

    private JsonReportReader() {
    }

    /**
     * The report {@code text} holds.
     *
     * @throws IllegalArgumentException when {@code text} is not a {@code report.json} of format version
     *     {@value JsonReportWriter#FORMAT_VERSION}, naming what is wrong
     */
    public static GradeReport read(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (integer(json, "format_version") != JsonReportWriter.FORMAT_VERSION) {
                throw new IllegalArgumentException("not a report.json of format version "
                        + JsonReportWriter.FORMAT_VERSION + ": format_version is " + json.get("format_version"));
            }
            return report(json);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException("not a readable report.json: " + e, e);
        }
    }

    private static GradeReport report(JsonObject json) {
        Provenance provenance = provenance(json.getAsJsonObject("provenance"));
        Integrity integrity = new Integrity(list(json.getAsJsonObject("integrity"), "events",
                JsonReportReader::integrityEvent));
        String status = text(json, "status");
        if (!status.equals("graded")) {
            NotGraded.Kind kind = Arrays.stream(NotGraded.Kind.values()).filter(k -> k.jsonName().equals(status))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown status \"" + status + "\""));
            return new GradeReport(0, number(json, "max_score"), number(json, "pending_manual_points"), List.of(),
                    list(json, "ignored_files", JsonReportReader::ignored), provenance,
                    Optional.of(new NotGraded(kind, text(json, "reason"))), integrity);
        }
        return new GradeReport(number(json, "score"), number(json, "max_score"), number(json, "pending_manual_points"),
                list(json, "exercises", JsonReportReader::exercise), list(json, "ignored_files",
                JsonReportReader::ignored), provenance, Optional.empty(), integrity);
    }

    private static ExerciseReport exercise(JsonObject json) {
        return new ExerciseReport(text(json, "id"), text(json, "title"), number(json, "score"),
                number(json, "max_score"), number(json, "pending_manual_points"),
                ExerciseStatus.valueOf(upper(text(json, "status"))), text(json, "reason"),
                list(json, "tests", JsonReportReader::test), list(json, "findings", JsonReportReader::finding),
                list(json, "manual", JsonReportReader::manual), visibility(text(json, "visibility")));
    }

    private static TestReport test(JsonObject json) {
        return new TestReport(TestId.parse(text(json, "id")), number(json, "score"), number(json, "max_score"),
                TestStatus.valueOf(upper(text(json, "status"))), text(json, "message"),
                new CapturedOutput(text(json, "output"), json.get("output_dropped_chars").getAsLong()),
                list(json, "diagnoses", JsonReportReader::diagnosis),
                Duration.ofMillis(json.get("duration_ms").getAsLong()), visibility(text(json, "visibility")),
                json.has("figures") ? list(json, "figures", JsonReportReader::figure) : List.of());
    }

    private static Diagnosis diagnosis(JsonObject json) {
        Map<String, String> numbers = new TreeMap<>();
        json.getAsJsonObject("numbers").entrySet().forEach(entry -> numbers.put(entry.getKey(),
                entry.getValue().getAsString()));
        return new Diagnosis(text(json, "code"), text(json, "text"), numbers);
    }

    private static Figure figure(JsonObject json) {
        JsonElement threshold = json.get("threshold");
        boolean hasThreshold = threshold != null && threshold.isJsonObject();
        return new Figure(text(json, "title"), Figure.Kind.valueOf(upper(text(json, "kind"))),
                Figure.Scale.valueOf(upper(text(json, "scale"))), text(json, "axis"),
                list(json, "series", JsonReportReader::series),
                hasThreshold ? OptionalDouble.of(threshold.getAsJsonObject().get("value").getAsDouble())
                        : OptionalDouble.empty(),
                hasThreshold ? text(threshold.getAsJsonObject(), "label") : "");
    }

    private static Figure.Series series(JsonObject json) {
        return new Figure.Series(text(json, "name"), json.get("reference").getAsBoolean(), list(json, "points",
                point -> new Figure.Point(text(point, "label"), point.get("value").isJsonNull() ? Double.NaN
                        : point.get("value").getAsDouble())));
    }

    private static Finding finding(JsonObject json) {
        Finding finding = new Finding(text(json, "rule"), Severity.valueOf(upper(text(json, "severity"))),
                number(json, "points"), new Location(text(json, "file"), integer(json, "line"), integer(json, "column")),
                text(json, "message"), text(json, "hint"));
        if (!json.has("excerpt")) {
            return finding;
        }
        JsonObject excerpt = json.getAsJsonObject("excerpt");
        List<String> lines = new ArrayList<>();
        excerpt.getAsJsonArray("lines").forEach(line -> lines.add(line.getAsString()));
        return finding.withExcerpt(new SourceExcerpt(integer(excerpt, "first_line"), integer(excerpt, "line"), lines));
    }

    private static ManualItemReport manual(JsonObject json) {
        JsonElement answer = json.get("answer");
        return new ManualItemReport(text(json, "id"), text(json, "title"), number(json, "points"),
                answer == null || answer.isJsonNull() ? Optional.empty() : Optional.of(answer(answer.getAsJsonObject())));
    }

    private static WrittenAnswer answer(JsonObject json) {
        return new WrittenAnswer(text(json, "file"), text(json, "section"), text(json, "path"),
                WrittenAnswer.Status.valueOf(upper(text(json, "status"))), text(json, "text"),
                json.get("cut_chars").getAsLong());
    }

    private static IgnoredPath ignored(JsonObject json) {
        return new IgnoredPath(text(json, "path"), text(json, "reason"));
    }

    private static IntegrityEvent integrityEvent(JsonObject json) {
        String kind = text(json, "kind");
        JsonElement test = json.get("test");
        return new IntegrityEvent(Arrays.stream(IntegrityEvent.Kind.values()).filter(k -> k.jsonName().equals(kind))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown integrity event \"" + kind + "\"")),
                test == null || test.isJsonNull() ? Optional.empty() : Optional.of(TestId.parse(test.getAsString())),
                text(json, "detail"), integer(json, "count"));
    }

    private static Provenance provenance(JsonObject json) {
        JsonElement commit = json.get("git_commit");
        return new Provenance(text(json, "submission"),
                commit == null || commit.isJsonNull() ? Optional.empty() : Optional.of(commit.getAsString()),
                list(json, "files", file -> new GradedFile(text(file, "path"), text(file, "sha256"))),
                text(json, "grader_version"), text(json, "suite_hash"), isolation(json.getAsJsonObject("isolation")),
                Instant.parse(text(json, "started_at")), Duration.ofMillis(json.get("duration_ms").getAsLong()));
    }

    private static Isolation isolation(JsonObject json) {
        List<String> notes = new ArrayList<>();
        json.getAsJsonArray("notes").forEach(note -> notes.add(note.getAsString()));
        String level = text(json, "level");
        return new Isolation(json.get("separate_jvm").getAsBoolean(), json.get("network_namespace").getAsBoolean(),
                text(json, "user"), json.get("unprivileged").getAsBoolean(), notes, IsolationLevel.byId(level)
                .orElseThrow(() -> new IllegalArgumentException("unknown isolation level \"" + level + "\"")));
    }

    private static Visibility visibility(String name) {
        return Visibility.byJsonName(name).orElseThrow(() -> new IllegalArgumentException("unknown visibility \""
                + name + "\""));
    }

    private static <T> List<T> list(JsonObject json, String key, Function<JsonObject, T> each) {
        JsonArray array = json.getAsJsonArray(key);
        List<T> items = new ArrayList<>(array.size());
        array.forEach(item -> items.add(each.apply(item.getAsJsonObject())));
        return items;
    }

    private static String text(JsonObject json, String key) {
        return json.get(key).getAsString();
    }

    private static double number(JsonObject json, String key) {
        return json.get(key).getAsDouble();
    }

    private static int integer(JsonObject json, String key) {
        return json.get(key).getAsInt();
    }

    private static String upper(String jsonName) {
        return jsonName.toUpperCase(java.util.Locale.ROOT);
    }
}
