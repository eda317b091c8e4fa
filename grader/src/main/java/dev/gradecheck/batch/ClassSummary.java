package dev.gradecheck.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.Mutant;
import dev.gradecheck.scoring.Points;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code class.json}: what the class got, for the dashboard and for instructors, described by {@value #SCHEMA_RESOURCE}
 * (JSON Schema draft 2020-12). Built from the per-student reports only, students in id order, so the same reports
 * always give the same file; durations are only under {@code timing}.
 */
final class ClassSummary {

    /** Class-path resource of the JSON Schema of {@code class.json}. */
    static final String SCHEMA_RESOURCE = "/class.schema.json";
    static final int FORMAT_VERSION = 1;
    private static final int BINS = 10;
    private static final int SLOWEST = 10;

    private ClassSummary() {
    }

    static String render(String form, String suiteHash, List<StudentRecord> students, List<Exercise> exercises,
                         ManualItems items, double maxScore) {
        List<StudentRecord> graded = students.stream().filter(StudentRecord::graded).toList();
        JsonObject json = new JsonObject();
        json.addProperty("format_version", FORMAT_VERSION);
        json.addProperty("source_form", form);
        json.addProperty("suite_hash", suiteHash);
        json.add("max_score", ReportJson.number(maxScore));
        json.add("students", counts(students, graded));
        json.add("scores", scores(graded, maxScore));
        json.add("exercises", exercises(graded, exercises));
        json.add("manual_items", manualItems(graded, items));
        json.add("tests", tests(graded, exercises));
        json.add("misconceptions", misconceptions(graded, exercises));
        json.add("timeouts", timeouts(graded));
        json.add("grading_errors", gradingErrors(students));
        json.add("timing", timing(graded));
        return ReportJson.REPORT.toJson(json) + "\n";
    }

    private static JsonObject counts(List<StudentRecord> students, List<StudentRecord> graded) {
        JsonObject json = new JsonObject();
        json.addProperty("total", students.size());
        json.addProperty("graded", graded.size());
        json.addProperty("not_gradable", students.size() - graded.size());
        JsonArray flagged = new JsonArray();
        graded.stream().filter(s -> s.report().getAsJsonObject("integrity").get("flagged").getAsBoolean())
                .forEach(s -> flagged.add(s.student()));
        json.add("integrity_flagged", flagged);
        return json;
    }

    private static JsonObject scores(List<StudentRecord> graded, double maxScore) {
        List<Double> totals = graded.stream().map(s -> ReportJson.number(s.report(), "score")).toList();
        JsonObject json = statistics(totals);
        double width = maxScore / BINS;
        JsonArray bins = new JsonArray();
        for (int bin = 0; bin < BINS; bin++) {
            double from = bin * width;
            double to = (bin + 1) * width;
            boolean last = bin == BINS - 1;
            long count = totals.stream().filter(t -> t >= from && (t < to || last && t <= to)).count();
            JsonObject item = new JsonObject();
            item.add("from", ReportJson.number(from));
            item.add("to", ReportJson.number(to));
            item.addProperty("count", count);
            bins.add(item);
        }
        json.add("histogram", bins);
        return json;
    }

    private static JsonObject statistics(List<Double> values) {
        JsonObject json = new JsonObject();
        List<Double> sorted = values.stream().sorted().toList();
        json.add("mean", ReportJson.number(sorted.isEmpty() ? 0 : Points.round(sorted.stream().mapToDouble(d -> d)
                .sum() / sorted.size())));
        json.add("median", ReportJson.number(median(sorted)));
        json.add("min", ReportJson.number(sorted.isEmpty() ? 0 : sorted.get(0)));
        json.add("max", ReportJson.number(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
        return json;
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return Points.round(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    private static JsonArray exercises(List<StudentRecord> graded, List<Exercise> exercises) {
        JsonArray array = new JsonArray();
        for (Exercise exercise : exercises) {
            List<Double> scores = new ArrayList<>();
            graded.forEach(s -> Gradebook.exerciseOf(s.report(), exercise.id())
                    .ifPresent(e -> scores.add(Gradebook.automaticScore(e))));
            JsonObject json = statistics(scores);
            json.addProperty("id", exercise.id());
            json.addProperty("title", exercise.title());
            json.add("max_score", ReportJson.number(exercise.testPoints()));
            long full = scores.stream().filter(score -> score >= exercise.testPoints()).count();
            json.add("full_marks_share", ReportJson.number(scores.isEmpty() ? 0 : (double) full / scores.size()));
            array.add(reordered(json, "id", "title", "max_score", "mean", "median", "min", "max", "full_marks_share"));
        }
        return array;
    }

    private static JsonArray manualItems(List<StudentRecord> graded, ManualItems items) {
        JsonArray array = new JsonArray();
        for (ManualItems.Item item : items.all()) {
            List<Double> given = new ArrayList<>();
            graded.forEach(s -> Gradebook.awarded(s.report(), item).ifPresent(given::add));
            JsonObject json = new JsonObject();
            json.addProperty("exercise", item.exercise());
            json.addProperty("id", item.id());
            json.addProperty("title", item.title());
            json.add("points", ReportJson.number(item.points()));
            json.addProperty("graded", given.size());
            json.addProperty("pending", graded.size() - given.size());
            json.add("mean", ReportJson.number(given.isEmpty() ? 0 : Points.round(given.stream().mapToDouble(d -> d)
                    .sum() / given.size())));
            array.add(json);
        }
        return array;
    }

    private static JsonArray tests(List<StudentRecord> graded, List<Exercise> exercises) {
        JsonArray array = new JsonArray();
        for (Exercise exercise : exercises) {
            exercise.tests().forEach(test -> {
                int passed = 0;
                int ran = 0;
                int timedOut = 0;
                for (StudentRecord student : graded) {
                    for (JsonObject result : testsOf(student, exercise.id())) {
                        if (ReportJson.text(result, "id").equals(test.id().toString())) {
                            String status = ReportJson.text(result, "status");
                            passed += status.equals("passed") ? 1 : 0;
                            ran += status.equals("not_run") ? 0 : 1;
                            timedOut += status.equals("timeout") ? 1 : 0;
                        }
                    }
                }
                JsonObject json = new JsonObject();
                json.addProperty("exercise", exercise.id());
                json.addProperty("id", test.id().toString());
                json.addProperty("name", test.id().simpleClassName() + "." + test.id().methodName());
                json.add("points", ReportJson.number(test.points()));
                json.addProperty("ran", ran);
                json.addProperty("passed", passed);
                json.addProperty("timeouts", timedOut);
                json.add("pass_rate", ReportJson.number(graded.isEmpty() ? 0 : (double) passed / graded.size()));
                array.add(json);
            });
        }
        return array;
    }

    private static List<JsonObject> testsOf(StudentRecord student, String exercise) {
        List<JsonObject> tests = new ArrayList<>();
        Gradebook.exerciseOf(student.report(), exercise).ifPresent(e -> e.getAsJsonArray("tests")
                .forEach(test -> tests.add(test.getAsJsonObject())));
        return tests;
    }

    private static JsonArray misconceptions(List<StudentRecord> graded, List<Exercise> exercises) {
        Map<String, TreeSet<String>> students = new TreeMap<>();
        Map<String, TreeSet<String>> where = new TreeMap<>();
        Map<String, String> text = new TreeMap<>();
        for (StudentRecord student : graded) {
            for (Exercise exercise : exercises) {
                for (JsonObject test : testsOf(student, exercise.id())) {
                    for (JsonElement element : test.getAsJsonArray("diagnoses")) {
                        String code = ReportJson.text(element.getAsJsonObject(), "code");
                        students.computeIfAbsent(code, c -> new TreeSet<>()).add(student.student());
                        where.computeIfAbsent(code, c -> new TreeSet<>()).add(exercise.id());
                        text.putIfAbsent(code, ReportJson.text(element.getAsJsonObject(), "text"));
                    }
                }
            }
        }
        Map<String, String> summaries = new LinkedHashMap<>();
        exercises.forEach(e -> e.mutants().forEach(m -> summaries.putIfAbsent(m.code(), summaryOf(m))));
        List<String> codes = new ArrayList<>(students.keySet());
        codes.sort(Comparator.comparing((String code) -> -students.get(code).size()).thenComparing(code -> code));
        JsonArray array = new JsonArray();
        for (String code : codes) {
            JsonObject json = new JsonObject();
            json.addProperty("code", code);
            json.addProperty("explanation", text.get(code));
            json.addProperty("known_bug", summaries.getOrDefault(code, ""));
            JsonArray in = new JsonArray();
            where.get(code).forEach(in::add);
            json.add("exercises", in);
            json.addProperty("count", students.get(code).size());
            JsonArray who = new JsonArray();
            students.get(code).forEach(who::add);
            json.add("students", who);
            array.add(json);
        }
        return array;
    }

    private static String summaryOf(Mutant mutant) {
        return mutant.summary() == null ? "" : mutant.summary();
    }

    private static JsonArray timeouts(List<StudentRecord> graded) {
        JsonArray array = new JsonArray();
        for (StudentRecord student : graded) {
            for (JsonElement exercise : student.report().getAsJsonArray("exercises")) {
                for (JsonElement test : exercise.getAsJsonObject().getAsJsonArray("tests")) {
                    if (ReportJson.text(test.getAsJsonObject(), "status").equals("timeout")) {
                        JsonObject json = new JsonObject();
                        json.addProperty("student", student.student());
                        json.addProperty("test", ReportJson.text(test.getAsJsonObject(), "id"));
                        array.add(json);
                    }
                }
            }
        }
        return array;
    }

    private static JsonArray gradingErrors(List<StudentRecord> students) {
        JsonArray array = new JsonArray();
        students.stream().filter(s -> !s.graded()).forEach(s -> {
            JsonObject json = new JsonObject();
            json.addProperty("student", s.student());
            json.addProperty("reason", s.journal().reason());
            array.add(json);
        });
        return array;
    }

    private static JsonObject timing(List<StudentRecord> graded) {
        List<StudentRecord> slowest = new ArrayList<>(graded);
        slowest.sort(Comparator.comparingLong((StudentRecord s) -> -duration(s)).thenComparing(StudentRecord::student));
        JsonArray array = new JsonArray();
        slowest.stream().limit(SLOWEST).forEach(s -> {
            JsonObject json = new JsonObject();
            json.addProperty("student", s.student());
            json.addProperty("duration_ms", duration(s));
            array.add(json);
        });
        JsonObject json = new JsonObject();
        json.addProperty("total_grading_ms", graded.stream().mapToLong(ClassSummary::duration).sum());
        json.add("slowest", array);
        return json;
    }

    private static long duration(StudentRecord student) {
        return student.report().getAsJsonObject("provenance").get("duration_ms").getAsLong();
    }

    private static JsonObject reordered(JsonObject json, String... keys) {
        JsonObject ordered = new JsonObject();
        for (String key : keys) {
            ordered.add(key, json.get(key));
        }
        return ordered;
    }
}
