package dev.gradecheck.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.testing.ReportSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a batch's outputs back: reports, the gradebook with a real CSV parser, class.json against its schema. */
final class Outputs {

    private static final Schema CLASS_SCHEMA = loadClassSchema();

    private Outputs() {
    }

    static JsonObject json(Path file) {
        try {
            return ReportJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each exercise's score and the total in a report.json. */
    static Map<String, Double> scores(Path reportJson) {
        JsonObject report = json(reportJson);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonElement exercise : report.getAsJsonArray("exercises")) {
            scores.put(exercise.getAsJsonObject().get("id").getAsString(),
                    exercise.getAsJsonObject().get("score").getAsDouble());
        }
        scores.put("total", report.get("score").getAsDouble());
        return scores;
    }

    /** The gradebook's rows, parsed by commons-csv, by the student-id column. */
    static Map<String, CSVRecord> gradebook(Path out, String idColumn) {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        for (CSVRecord row : csv(out.resolve("gradebook.csv"))) {
            rows.put(row.get(idColumn), row);
        }
        return rows;
    }

    static List<CSVRecord> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180.builder().setHeader()
                     .setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> classSchemaErrors(Path classJson) throws IOException {
        return CLASS_SCHEMA.validate(Files.readString(classJson), InputFormat.JSON,
                        (Consumer<ExecutionContext>) context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    static List<String> reportSchemaErrors(Path reportJson) throws IOException {
        return ReportSchema.errors(Files.readString(reportJson));
    }

    /**
     * Every output file under {@code out} but the journal folder, by relative path, its text with timestamps and
     * durations taken out: what two batches over the same submissions must agree on byte for byte.
     */
    static Map<String, String> comparable(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = out.relativize(file).toString();
                if (relative.startsWith(".batch")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                files.put(relative, withoutTimes(relative, text));
            }
        }
        return files;
    }

    /** A feedback page without the time of its grading. */
    static String feedbackWithoutTime(String html) {
        return html.replaceFirst(" · graded [0-9T:.Z-]+ · ", " · graded (time) · ");
    }

    private static String withoutTimes(String relative, String text) {
        if (relative.endsWith("feedback.html")) {
            return feedbackWithoutTime(text);
        }
        if (relative.endsWith(".html")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(text);
            page.select("[data-varies]").remove();   // what a page marks as timing: durations, timestamps
            return page.outerHtml();
        }
        if (!relative.endsWith(".json")) {
            return text;
        }
        JsonObject json = ReportJson.parse(text);
        if (relative.endsWith("report.json")) {
            JsonObject provenance = json.getAsJsonObject("provenance");
            provenance.remove("started_at");
            provenance.remove("duration_ms");
            json.getAsJsonArray("exercises").forEach(exercise -> exercise.getAsJsonObject().getAsJsonArray("tests")
                    .forEach(test -> test.getAsJsonObject().remove("duration_ms")));
        } else if (relative.endsWith("results.json")) {
            json.remove("execution_time");
        } else if (relative.equals("class.json")) {
            json.remove("timing");
        }
        return ReportJson.REPORT.toJson(json);
    }

    private static Schema loadClassSchema() {
        try (InputStream in = Outputs.class.getResourceAsStream(ClassSummary.SCHEMA_RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
