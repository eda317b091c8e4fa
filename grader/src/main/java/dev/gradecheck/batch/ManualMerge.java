package dev.gradecheck.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.scoring.Points;

/**
 * Puts a student's manual grades into their reports, without regrading: in {@code report.json} each graded item
 * gets {@code "status": "graded"}, {@code awarded} and {@code comment}, and its points move from
 * {@code pending_manual_points} into {@code score} (the exercise's and the total); in {@code results.json} the
 * item's pending line becomes a scored line with the comment as its output, and the total score grows by the points.
 * Works on copies: the reports as graded stay as they were.
 */
final class ManualMerge {

    private static final String PENDING = " (graded by hand, pending)";

    private ManualMerge() {
    }

    /** {@code report} ({@code report.json}) with {@code student}'s grades in it. */
    static JsonObject report(JsonObject report, String student, ManualItems items, ManualGrades grades) {
        JsonObject merged = report.deepCopy();
        double awarded = 0;
        double graded = 0;
        for (JsonElement element : merged.getAsJsonArray("exercises")) {
            JsonObject exercise = element.getAsJsonObject();
            double exerciseAwarded = 0;
            double exerciseGraded = 0;
            for (JsonElement itemElement : exercise.getAsJsonArray("manual")) {
                JsonObject item = itemElement.getAsJsonObject();
                var grade = items.find(ReportJson.text(exercise, "id"), ReportJson.text(item, "id"))
                        .flatMap(found -> grades.grade(student, found));
                if (grade.isPresent()) {
                    item.addProperty("status", "graded");
                    item.add("awarded", ReportJson.number(grade.get().points()));
                    item.addProperty("comment", grade.get().comment());
                    exerciseAwarded += grade.get().points();
                    exerciseGraded += ReportJson.number(item, "points");
                }
            }
            add(exercise, exerciseAwarded, exerciseGraded);
            awarded += exerciseAwarded;
            graded += exerciseGraded;
        }
        add(merged, awarded, graded);
        return merged;
    }

    private static void add(JsonObject json, double awarded, double graded) {
        json.add("score", ReportJson.number(Points.round(ReportJson.number(json, "score") + awarded)));
        json.add("pending_manual_points", ReportJson.number(Points.round(ReportJson.number(json,
                "pending_manual_points") - graded)));
    }

    /** {@code results} ({@code results.json}) with {@code student}'s grades in it. */
    static JsonObject results(JsonObject results, String student, ManualItems items, ManualGrades grades) {
        JsonObject merged = results.deepCopy();
        double awarded = 0;
        double graded = 0;
        JsonArray tests = merged.getAsJsonArray("tests");
        for (int i = 0; i < tests.size(); i++) {
            JsonObject line = tests.get(i).getAsJsonObject();
            for (ManualItems.Item item : items.all()) {
                var grade = grades.grade(student, item);
                if (grade.isPresent() && ReportJson.text(line, "name").equals(item.exercise() + ": " + item.title()
                        + PENDING)) {
                    tests.set(i, gradedLine(item, grade.get()));
                    awarded += grade.get().points();
                    graded += item.points();
                }
            }
        }
        merged.add("score", ReportJson.number(Points.round(ReportJson.number(merged, "score") + awarded)));
        JsonObject extra = merged.getAsJsonObject("extra_data");
        if (extra != null && extra.has("pending_manual_points")) {
            extra.add("pending_manual_points", ReportJson.number(Points.round(ReportJson.number(extra,
                    "pending_manual_points") - graded)));
        }
        return merged;
    }

    private static JsonObject gradedLine(ManualItems.Item item, ManualGrades.Grade grade) {
        JsonObject json = new JsonObject();
        json.addProperty("name", item.exercise() + ": " + item.title() + " (graded by hand)");
        json.add("score", ReportJson.number(grade.points()));
        json.add("max_score", ReportJson.number(item.points()));
        json.addProperty("status", grade.points() >= item.points() ? "passed" : "failed");
        json.addProperty("output", grade.comment().isEmpty() ? "Graded by hand." : grade.comment());
        json.addProperty("output_format", "text");
        JsonArray tags = new JsonArray();
        tags.add(item.exercise());
        json.add("tags", tags);
        return json;
    }
}
