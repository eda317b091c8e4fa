package dev.gradecheck.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.scoring.Points;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code manual.csv}: one row per student and manual item, for a person to grade in a spreadsheet and pass back with
 * {@code --manual}: {@code student}, {@code name}, {@code exercise}, {@code item}, {@code title}, {@code max_points},
 * {@code answer} (what the student wrote for it, as the grading read it: the item's {@code answer.text} in the
 * student's {@code report.json}; when there is none, what the grading found instead in parentheses, e.g.
 * {@code (no answer: unchanged from the template)}), {@code points} and {@code comment} (empty until graded; the
 * grades merged so far otherwise). Text cells a spreadsheet would run as a formula are neutralised ({@link Cells}),
 * and read back as written; newlines and quotes stay in their cell (RFC 4180 quoting).
 */
final class ManualSheet {

    static final List<String> HEADER = List.of("student", "name", "exercise", "item", "title", "max_points", "answer",
            "points", "comment");

    private ManualSheet() {
    }

    static String render(List<StudentRecord> students, ManualItems items, ManualGrades grades) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            for (StudentRecord student : students) {
                for (ManualItems.Item item : items.all()) {
                    var grade = grades.grade(student.student(), item);
                    csv.printRecord(Cells.write(student.student()), Cells.write(student.entry().name().orElse("")),
                            item.exercise(), item.id(), Cells.write(item.title()), Points.format(item.points()),
                            Cells.write(answer(student.report(), item)),
                            grade.map(g -> Points.format(g.points())).orElse(""),
                            Cells.write(grade.map(ManualGrades.Grade::comment).orElse("")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** What {@code report} ({@code report.json}) holds as the student's answer to {@code item}; see the class comment. */
    static String answer(JsonObject report, ManualItems.Item item) {
        Optional<JsonObject> reported = reportedItem(report, item);
        if (reported.isEmpty()) {
            return report.getAsJsonArray("exercises") == null || report.getAsJsonArray("exercises").isEmpty()
                    ? "(no answer: the submission was not graded)" : "";
        }
        JsonElement answer = reported.get().get("answer");
        if (answer == null || !answer.isJsonObject()) {
            return "";   // the item names no answer file: nothing written to show
        }
        JsonObject written = answer.getAsJsonObject();
        String status = ReportJson.text(written, "status");
        if (!status.equals("present")) {
            return "(no answer: " + missing(status, written) + ")";
        }
        long cut = (long) ReportJson.number(written, "cut_chars");
        return ReportJson.text(written, "text") + (cut > 0 ? "\n(cut here: " + cut + " more characters are in "
                + ReportJson.text(written, "path") + ")" : "");
    }

    private static Optional<JsonObject> reportedItem(JsonObject report, ManualItems.Item item) {
        JsonArray exercises = report.getAsJsonArray("exercises");
        if (exercises == null) {
            return Optional.empty();
        }
        for (JsonElement exercise : exercises) {
            if (ReportJson.text(exercise.getAsJsonObject(), "id").equals(item.exercise())) {
                for (JsonElement manual : exercise.getAsJsonObject().getAsJsonArray("manual")) {
                    if (ReportJson.text(manual.getAsJsonObject(), "id").equals(item.id())) {
                        return Optional.of(manual.getAsJsonObject());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String missing(String status, JsonObject answer) {
        String file = ReportJson.text(answer, "file");
        String path = ReportJson.text(answer, "path").isEmpty() ? file : ReportJson.text(answer, "path");
        return switch (status) {
            case "missing_file" -> "no " + file + " in the submission";
            case "missing_section" -> "no section `" + ReportJson.text(answer, "section") + "` in " + path;
            case "empty" -> "its section in " + path + " is empty";
            case "unchanged" -> "unchanged from the template";
            case "unreadable" -> path + " was not read (a link or not a file)";
            default -> status;
        };
    }
}
