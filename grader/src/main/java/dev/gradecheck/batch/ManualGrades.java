package dev.gradecheck.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.gradecheck.scoring.Points;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Grades given by hand: read from a filled-in {@code manual.csv} ({@code --manual}), kept in
 * {@code DIR/.batch/manual.json} so a later run keeps them. A file is taken whole or not at all: any bad row (an
 * unknown student or item, points that are no number or out of range, one item graded twice differently) refuses the
 * file with its name, row and reason, and nothing of it is applied. A row with empty points is an item not graded
 * yet and changes nothing. Immutable.
 */
final class ManualGrades {

    /** Points given for one item, and the grader's comment (may be empty). */
    record Grade(double points, String comment) {
        Grade {
            Objects.requireNonNull(comment, "comment");
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final int MAX_PROBLEMS = 20;

    /** student -> item key ({@code exercise/id}) -> grade. */
    private final Map<String, Map<String, Grade>> grades;

    private ManualGrades(Map<String, Map<String, Grade>> grades) {
        Map<String, Map<String, Grade>> copy = new TreeMap<>();
        grades.forEach((student, items) -> copy.put(student, Map.copyOf(new TreeMap<>(items))));
        this.grades = copy;
    }

    static ManualGrades none() {
        return new ManualGrades(Map.of());
    }

    /** The grade of {@code student}'s {@code item}, if given. */
    Optional<Grade> grade(String student, ManualItems.Item item) {
        return Optional.ofNullable(grades.getOrDefault(student, Map.of()).get(item.key()));
    }

    /** Whether {@code student} has any grade. */
    boolean any(String student) {
        return !grades.getOrDefault(student, Map.of()).isEmpty();
    }

    /** These grades with {@code file}'s rows over them, or a refusal listing every bad row. */
    ManualGrades merge(Path file, Set<String> students, ManualItems items) throws BatchRefused {
        Map<String, Map<String, Grade>> merged = new TreeMap<>();
        grades.forEach((student, given) -> merged.put(student, new TreeMap<>(given)));
        Map<String, Grade> fromFile = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of("student", "exercise", "item", "points")) {
                if (!header.contains(column)) {
                    throw new BatchRefused(file + ": row 1: the column \"" + column + "\" is missing — pass the"
                            + " manual.csv that the batch wrote, with its points and comment columns filled in");
                }
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                String problem = readRow(row, students, items, fromFile);
                if (problem != null && problems.size() < MAX_PROBLEMS) {
                    problems.add(file + ": row " + line + ": " + problem);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BatchRefused(file + " is not a readable CSV file (" + e.getMessage() + ") — pass the manual.csv"
                    + " that the batch wrote, with its points and comment columns filled in", e);
        }
        if (!problems.isEmpty()) {
            throw new BatchRefused("the manual grades were not applied, none of them:\n  " + String.join("\n  ", problems)
                    + "\nFix these rows, then run the same command again.");
        }
        fromFile.forEach((key, grade) -> {
            int slash = key.indexOf('\n');
            merged.computeIfAbsent(key.substring(0, slash), s -> new TreeMap<>()).put(key.substring(slash + 1), grade);
        });
        return new ManualGrades(merged);
    }

    /** Reads one row into {@code into}; returns what is wrong with it, or null. */
    private static String readRow(CSVRecord row, Set<String> students, ManualItems items, Map<String, Grade> into) {
        String student = Cells.read(cell(row, "student"));
        String exercise = cell(row, "exercise");
        String id = cell(row, "item");
        String pointsText = cell(row, "points").strip();
        String comment = Cells.read(cell(row, "comment"));
        if (!students.contains(student)) {
            return "no student \"" + student + "\" in this class — keep the student column as the batch wrote it";
        }
        Optional<ManualItems.Item> item = items.find(exercise, id);
        if (item.isEmpty()) {
            return "no manual item \"" + id + "\" in exercise \"" + exercise + "\" — the items are: "
                    + String.join(", ", items.all().stream().map(ManualItems.Item::key).toList());
        }
        if (pointsText.isEmpty()) {
            return null;
        }
        double points;
        try {
            points = Double.parseDouble(pointsText);
        } catch (NumberFormatException e) {
            return "points \"" + pointsText + "\" is not a number — write a number from 0 to "
                    + Points.format(item.get().points()) + " (a dot for decimals), or leave it empty";
        }
        if (!(points >= 0 && points <= item.get().points()) || pointsText.matches("(?i).*(nan|inf).*")) {
            return "points " + pointsText + " is out of range for " + item.get().key() + " — write a number from 0 to "
                    + Points.format(item.get().points());
        }
        Grade grade = new Grade(Points.round(points), comment);
        Grade before = into.put(student + "\n" + item.get().key(), grade);
        if (before != null && !before.equals(grade)) {
            return student + "'s " + item.get().key() + " is graded twice, differently — keep one row";
        }
        return null;
    }

    private static String cell(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
    }

    /** Reads grades kept by an earlier run; none when there is no file. */
    static ManualGrades load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            JsonObject json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            Map<String, Map<String, Grade>> grades = new TreeMap<>();
            for (String student : json.keySet()) {
                JsonObject items = json.getAsJsonObject(student);
                Map<String, Grade> given = new TreeMap<>();
                for (String key : items.keySet()) {
                    JsonObject grade = items.getAsJsonObject(key);
                    given.put(key, new Grade(grade.get("points").getAsDouble(), grade.get("comment").getAsString()));
                }
                grades.put(student, given);
            }
            return new ManualGrades(grades);
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + ") — delete it and pass --manual again", e);
        }
    }

    /** These grades as {@code manual.json} text, sorted. */
    String toJson() {
        JsonObject json = new JsonObject();
        grades.forEach((student, items) -> {
            JsonObject given = new JsonObject();
            new TreeMap<>(items).forEach((key, grade) -> {
                JsonObject item = new JsonObject();
                item.add("points", ReportJson.number(grade.points()));
                item.addProperty("comment", grade.comment());
                given.add(key, item);
            });
            json.add(student, given);
        });
        return GSON.toJson(json) + "\n";
    }
}
