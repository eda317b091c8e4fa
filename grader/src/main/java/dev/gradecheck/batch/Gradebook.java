package dev.gradecheck.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.scoring.Points;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code gradebook.csv}: one row per student, sorted by id, RFC 4180 (commas, CRLF, quotes where needed), UTF-8
 * without a byte-order mark. Columns: the id (named by {@code --id-column}, default {@code student}), {@code name},
 * {@code email}; one per exercise (its id: the automatic score); one per manual item ({@code exercise/item}: the
 * points given, empty while pending); {@code total} (all points earned, manual ones included), {@code max_score},
 * {@code status} ({@code graded} or {@code not_gradable}), {@code reason}, {@code commit} and {@code commit_time}
 * (git submissions). Text cells a spreadsheet would run as a formula are neutralised ({@link Cells}).
 */
final class Gradebook {

    private Gradebook() {
    }

    static String render(List<StudentRecord> students, List<Exercise> exercises, ManualItems items, double maxScore,
                         String idColumn) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(header(exercises, items, idColumn));
            for (StudentRecord student : students) {
                csv.printRecord(row(student, exercises, items, maxScore));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static List<String> header(List<Exercise> exercises, ManualItems items, String idColumn) {
        List<String> header = new ArrayList<>(List.of(Cells.write(idColumn), "name", "email"));
        exercises.forEach(exercise -> header.add(exercise.id()));
        items.all().forEach(item -> header.add(item.key()));
        header.addAll(List.of("total", "max_score", "status", "reason", "commit", "commit_time"));
        return header;
    }

    private static List<String> row(StudentRecord student, List<Exercise> exercises, ManualItems items, double maxScore) {
        ClassEntry entry = student.entry();
        List<String> row = new ArrayList<>(List.of(Cells.write(entry.student()), Cells.write(entry.name().orElse("")),
                Cells.write(entry.email().orElse(""))));
        for (Exercise exercise : exercises) {
            row.add(exerciseOf(student.report(), exercise.id()).map(Gradebook::automaticScore).map(Points::format)
                    .orElse(student.graded() ? "" : "0"));
        }
        for (ManualItems.Item item : items.all()) {
            row.add(awarded(student.report(), item).map(Points::format).orElse(""));
        }
        row.add(Points.format(ReportJson.number(student.report(), "score")));
        row.add(Points.format(maxScore));
        row.add(student.journal().status());
        row.add(Cells.write(student.journal().reason()));
        row.add(student.journal().commit().orElse(""));
        row.add(student.journal().commitTime().orElse(""));
        return row;
    }

    static Optional<JsonObject> exerciseOf(JsonObject report, String id) {
        for (JsonElement element : report.getAsJsonArray("exercises")) {
            if (ReportJson.text(element.getAsJsonObject(), "id").equals(id)) {
                return Optional.of(element.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    /** The exercise's score without the manual points merged into it. */
    static double automaticScore(JsonObject exercise) {
        double manual = 0;
        for (JsonElement item : exercise.getAsJsonArray("manual")) {
            manual += ReportJson.number(item.getAsJsonObject(), "awarded");
        }
        return Points.round(ReportJson.number(exercise, "score") - manual);
    }

    /** The points given for {@code item} in a merged report, if it is graded. */
    static Optional<Double> awarded(JsonObject report, ManualItems.Item item) {
        return exerciseOf(report, item.exercise()).flatMap(exercise -> {
            for (JsonElement element : exercise.getAsJsonArray("manual")) {
                JsonObject manual = element.getAsJsonObject();
                if (ReportJson.text(manual, "id").equals(item.id()) && manual.has("awarded")) {
                    return Optional.of(ReportJson.number(manual, "awarded"));
                }
            }
            return Optional.empty();
        });
    }
}
