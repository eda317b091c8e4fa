package dev.gradecheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Figure;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.NotGraded;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.TestReport;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Writes {@code report.json}, gradecheck's own format, documented by {@code report.schema.json} (JSON Schema
 * draft 2020-12, on the class path at {@value #SCHEMA_RESOURCE}). Keys appear in a fixed order; numbers have at most
 * 2 decimals (figure values excepted: they are written as given). A test's {@code figures} and a finding's
 * {@code excerpt} appear only when there are some. Only {@code provenance.started_at}, {@code provenance.duration_ms} and the tests' {@code duration_ms}
 * differ between two gradings of the same submission.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class JsonReportWriter implements ReportWriter {

    /** Class-path resource of the JSON Schema describing this format. */
    public static final String SCHEMA_RESOURCE = "/report.schema.json";
    /** The format version; bumped on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    @Override
    public String fileName() {
        return "report.json";
    }

    @Override
    public String render(GradeReport report) {
        return GSON.toJson(toJson(report)) + "\n";
    }

    /** The report as a Gson tree, in the documented key order. */
    static JsonObject toJson(GradeReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("format_version", FORMAT_VERSION);
        json.addProperty("status", report.notGraded().map(why -> why.kind().jsonName()).orElse("graded"));
        json.addProperty("reason", report.notGraded().map(NotGraded::reason).orElse(""));
        json.addProperty("score", Numbers.json(report.score()));
        json.addProperty("max_score", Numbers.json(report.maxScore()));
        json.addProperty("pending_manual_points", Numbers.json(report.pendingManualPoints()));
        json.add("exercises", array(report.exercises(), JsonReportWriter::exercise));
        json.add("ignored_files", array(report.ignored(), JsonReportWriter::ignored));
        json.add("provenance", provenance(report.provenance()));
        json.add("integrity", integrity(report.integrity()));
        return json;
    }

    private static JsonObject integrity(Integrity integrity) {
        JsonObject json = new JsonObject();
        json.addProperty("flagged", integrity.flagged());
        json.add("events", array(integrity.events(), JsonReportWriter::integrityEvent));
        return json;
    }

    private static JsonObject integrityEvent(IntegrityEvent event) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", event.kind().jsonName());
        json.add("test", event.test().map(test -> (com.google.gson.JsonElement) new com.google.gson.JsonPrimitive(
                test.toString())).orElse(JsonNull.INSTANCE));
        json.addProperty("detail", event.detail());
        json.addProperty("count", event.count());
        return json;
    }

    private static JsonObject exercise(ExerciseReport exercise) {
        JsonObject json = new JsonObject();
        json.addProperty("id", exercise.id());
        json.addProperty("title", exercise.title());
        json.addProperty("score", Numbers.json(exercise.score()));
        json.addProperty("max_score", Numbers.json(exercise.maxScore()));
        json.addProperty("pending_manual_points", Numbers.json(exercise.pendingManualPoints()));
        json.addProperty("status", exercise.status().jsonName());
        json.addProperty("reason", exercise.reason());
        json.add("tests", array(exercise.tests(), JsonReportWriter::test));
        json.add("findings", array(exercise.findings(), JsonReportWriter::finding));
        json.add("manual", array(exercise.manual(), JsonReportWriter::manual));
        json.addProperty("visibility", exercise.visibility().jsonName());
        return json;
    }

    private static JsonObject test(TestReport test) {
        JsonObject json = new JsonObject();
        json.addProperty("name", test.displayName());
        json.addProperty("id", test.id().toString());
        json.addProperty("score", Numbers.json(test.score()));
        json.addProperty("max_score", Numbers.json(test.maxScore()));
        json.addProperty("status", test.status().jsonName());
        json.addProperty("message", test.message());
        json.addProperty("output", test.output().text());
        json.addProperty("output_dropped_chars", test.output().droppedChars());
        json.add("diagnoses", array(test.diagnoses(), JsonReportWriter::diagnosis));
        json.addProperty("duration_ms", test.duration().toMillis());
        json.addProperty("visibility", test.visibility().jsonName());
        if (!test.figures().isEmpty()) {
            json.add("figures", array(test.figures(), JsonReportWriter::figure));
        }
        return json;
    }

    private static JsonObject figure(Figure figure) {
        JsonObject json = new JsonObject();
        json.addProperty("title", figure.title());
        json.addProperty("kind", figure.kind().jsonName());
        json.addProperty("scale", figure.scale().jsonName());
        json.addProperty("axis", figure.axis());
        json.add("series", array(figure.series(), JsonReportWriter::series));
        if (figure.threshold().isPresent()) {
            JsonObject threshold = new JsonObject();
            threshold.addProperty("value", figure.threshold().getAsDouble());
            threshold.addProperty("label", figure.thresholdLabel());
            json.add("threshold", threshold);
        } else {
            json.add("threshold", JsonNull.INSTANCE);
        }
        return json;
    }

    private static JsonObject series(Figure.Series series) {
        JsonObject json = new JsonObject();
        json.addProperty("name", series.name());
        json.addProperty("reference", series.reference());
        json.add("points", array(series.points(), point -> {
            JsonObject each = new JsonObject();
            each.addProperty("label", point.label());
            if (Double.isNaN(point.value())) {
                each.add("value", JsonNull.INSTANCE);
            } else {
                each.addProperty("value", point.value());
            }
            return each;
        }));
        return json;
    }

    private static JsonObject diagnosis(Diagnosis diagnosis) {
        JsonObject json = new JsonObject();
        json.addProperty("code", diagnosis.code());
        json.addProperty("text", diagnosis.text());
        JsonObject numbers = new JsonObject();
        diagnosis.numbers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> numbers.addProperty(entry.getKey(), entry.getValue()));
        json.add("numbers", numbers);
        return json;
    }

    private static JsonObject finding(Finding finding) {
        JsonObject json = new JsonObject();
        json.addProperty("rule", finding.rule());
        json.addProperty("severity", finding.severity().jsonName());
        json.addProperty("points", Numbers.json(finding.points()));
        json.addProperty("file", finding.location().file());
        json.addProperty("line", finding.location().line());
        json.addProperty("column", finding.location().column());
        json.addProperty("message", finding.message());
        json.addProperty("hint", finding.hint());
        finding.excerpt().ifPresent(excerpt -> {
            JsonObject lines = new JsonObject();
            lines.addProperty("first_line", excerpt.firstLine());
            lines.addProperty("line", excerpt.line());
            JsonArray held = new JsonArray();
            excerpt.lines().forEach(held::add);
            lines.add("lines", held);
            json.add("excerpt", lines);
        });
        return json;
    }

    private static JsonObject manual(ManualItemReport item) {
        JsonObject json = new JsonObject();
        json.addProperty("id", item.id());
        json.addProperty("title", item.title());
        json.addProperty("points", Numbers.json(item.points()));
        json.addProperty("status", item.status());
        json.add("answer", item.answer().<com.google.gson.JsonElement>map(JsonReportWriter::answer)
                .orElse(JsonNull.INSTANCE));
        return json;
    }

    private static JsonObject answer(WrittenAnswer answer) {
        JsonObject json = new JsonObject();
        json.addProperty("file", answer.file());
        json.addProperty("section", answer.section());
        json.addProperty("path", answer.path());
        json.addProperty("status", answer.status().jsonName());
        json.addProperty("text", answer.text());
        json.addProperty("cut_chars", answer.cutChars());
        return json;
    }

    private static JsonObject ignored(IgnoredPath ignored) {
        JsonObject json = new JsonObject();
        json.addProperty("path", ignored.path());
        json.addProperty("reason", ignored.reason());
        return json;
    }

    private static JsonObject provenance(Provenance provenance) {
        JsonObject json = new JsonObject();
        json.addProperty("submission", provenance.submission());
        json.add("git_commit", provenance.gitCommit().map(com.google.gson.JsonPrimitive::new)
                .map(com.google.gson.JsonElement.class::cast).orElse(JsonNull.INSTANCE));
        json.add("files", array(provenance.files(), JsonReportWriter::file));
        json.addProperty("grader_version", provenance.graderVersion());
        json.addProperty("suite_hash", provenance.suiteHash());
        json.add("isolation", isolation(provenance.isolation()));
        json.addProperty("started_at", provenance.startedAt().toString());
        json.addProperty("duration_ms", provenance.duration().toMillis());
        return json;
    }

    private static JsonObject file(GradedFile file) {
        JsonObject json = new JsonObject();
        json.addProperty("path", file.path());
        json.addProperty("sha256", file.sha256());
        return json;
    }

    private static JsonObject isolation(Isolation isolation) {
        JsonObject json = new JsonObject();
        json.addProperty("level", isolation.level().id());
        json.addProperty("separate_jvm", isolation.separateJvm());
        json.addProperty("network_namespace", isolation.networkNamespace());
        json.addProperty("user", isolation.user());
        json.addProperty("unprivileged", isolation.unprivileged());
        JsonArray notes = new JsonArray();
        isolation.notes().forEach(notes::add);
        json.add("notes", notes);
        return json;
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonObject> toJson) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(toJson.apply(item)));
        return array;
    }
}
