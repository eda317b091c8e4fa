package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A class of 34 built from the course (solutions, template, examples, known-bug variants; folders, zips and a git
 * repository; an empty folder, a corrupt zip, a student id that is a spreadsheet formula), graded once by the batch
 * with warm graders, then checked against one-off gradings of the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassGradingIT {

    private static final String ANSWER = "Sigmoid's derivative is at most 1/4, so each layer shrinks the gradient.";
    private static final String FORMULA_ID = "=SUM(1,2)";

    private Path temp;

    private Path classFolder;
    private Path out;
    private BatchResult result;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private String gitCommit;
    private final StringWriter log = new StringWriter();

    @BeforeAll
    void gradeTheClass(@TempDir Path folder) throws Exception {
        temp = folder;
        classFolder = Files.createDirectories(temp.resolve("class"));
        Map<String, Path> made = ClassFixture.submissions(temp.resolve("made"), 30);
        Files.writeString(made.get("solutions").resolve("ANSWERS.md"), Files.readString(RepoCourse.root()
                .resolve("student-template/ANSWERS.md")) + ANSWER + "\n");
        int index = 0;
        for (Map.Entry<String, Path> submission : made.entrySet()) {
            String id = submission.getKey();
            if (index++ % 10 == 3) {
                sources.put(id, ClassFixture.zip(submission.getValue(), classFolder.resolve(id + ".zip")).toString());
            } else {
                sources.put(id, ClassFixture.copy(submission.getValue(), classFolder.resolve(id)).toString());
            }
        }
        Path repository = ClassFixture.copy(made.get("typical-mistake"), classFolder.resolve("git-student"));
        gitCommit = ClassFixture.commitAll(repository, "hw", "2025-01-10T12:00:00+00:00");
        sources.put("git-student", repository.toString());
        sources.put(FORMULA_ID, ClassFixture.copy(made.get("partial"), classFolder.resolve(FORMULA_ID)).toString());
        Files.createDirectories(classFolder.resolve("empty"));
        Files.writeString(classFolder.resolve("corrupt.zip"), "PK\u0003\u0004 this is no zip at all");
        out = temp.resolve("out");
        long start = System.nanoTime();
        result = Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, out).withJobs(2),
                Progress.lines(new PrintWriter(log, true)));
        System.out.printf("batch of %d submissions, --jobs 2: %.1f s%n", result.students(),
                (System.nanoTime() - start) / 1e9);
    }

    @Test
    void everyStudentScoresAsAOneOffGradingOfTheSameFiles() {
        assertEquals(34, result.students(), log.toString());
        assertEquals(34, result.graded());
        Map<String, Map<String, Double>> batch = new LinkedHashMap<>();
        Map<String, Map<String, Double>> oneOff = new LinkedHashMap<>();
        sources.forEach((id, source) -> {
            batch.put(id, Outputs.scores(out.resolve(ClassSources.safeName(id)).resolve("report.json")));
            oneOff.put(id, ClassFixture.oneOff(source, id.equals("git-student") ? Optional.of(gitCommit)
                    : Optional.empty(), List.of()));
        });
        assertEquals(oneOff, batch);
        assertTrue(batch.values().stream().map(scores -> scores.get("total")).distinct().count() > 5,
                "the class should have a spread of scores: " + batch);
    }

    @Test
    void everyReportIsValidAndTheGitSubmissionNamesItsCommit() throws IOException {
        for (String id : sources.keySet()) {
            Path report = out.resolve(ClassSources.safeName(id)).resolve("report.json");
            assertEquals(List.of(), Outputs.reportSchemaErrors(report), id);
            assertTrue(Files.isRegularFile(report.resolveSibling("results.json")), id);
        }
        CSVRecord git = Outputs.gradebook(out, "student").get("git-student");
        assertEquals(gitCommit, git.get("commit"));
        assertEquals("2025-01-10T12:00:00+00:00", git.get("commit_time"));
    }

    @Test
    void submissionsThatCannotBeGradedAreRowsWithAReasonNotAStoppedBatch() {
        Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
        for (String id : List.of("empty", "corrupt")) {
            CSVRecord row = rows.get(id);
            assertEquals("not_gradable", row.get("status"), id);
            assertTrue(!row.get("reason").isBlank(), id);
            assertEquals("0", row.get("total"), id);
            JsonObject report = Outputs.json(out.resolve(id).resolve("report.json"));
            assertEquals("refused", report.get("status").getAsString());
        }
        assertTrue(rows.get("empty").get("reason").contains("empty"), rows.get("empty").get("reason"));
        assertEquals(2, Outputs.json(out.resolve("class.json")).getAsJsonArray("grading_errors").size());
    }

    @Test
    void gradebookReadsBackWithACsvParserOneRowPerStudentAndNoCellIsAFormula() throws IOException {
        Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
        assertEquals(34, rows.size());
        List<String> ids = new ArrayList<>(rows.keySet());
        assertEquals(ids.stream().sorted(java.util.Comparator.comparing(Cells::read)).toList(), ids, "sorted by id");
        assertTrue(rows.containsKey("'" + FORMULA_ID), "the formula id is neutralised: " + ids);
        for (CSVRecord row : rows.values()) {
            for (String cell : row.values()) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "a formula cell: " + cell);
            }
        }
        CSVRecord solutions = rows.get("solutions");
        assertEquals("95", solutions.get("total"));
        assertEquals("100", solutions.get("max_score"));
        assertEquals("", solutions.get("vanishing-gradients/vanishing-answer"), "pending");
        assertEquals("graded", solutions.get("status"));
        Map<String, Double> scores = Outputs.scores(out.resolve("typical-mistake/report.json"));
        assertEquals(scores.get("mlp-gradient-check"), Double.parseDouble(rows.get("typical-mistake")
                .get("mlp-gradient-check")));
        String text = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("student,name,email,chain-rule,"), text.lines().findFirst().orElse(""));
    }

    @Test
    void classJsonIsValidAgainstItsSchemaAndCountsTheClass() throws Exception {
        assertEquals(List.of(), Outputs.classSchemaErrors(out.resolve("class.json")));
        JsonObject summary = Outputs.json(out.resolve("class.json"));
        assertEquals(34, summary.getAsJsonObject("students").get("total").getAsInt());
        assertEquals(32, summary.getAsJsonObject("students").get("graded").getAsInt());
        long binned = 0;
        for (JsonElement bin : summary.getAsJsonObject("scores").getAsJsonArray("histogram")) {
            binned += bin.getAsJsonObject().get("count").getAsLong();
        }
        assertEquals(32, binned);
        JsonObject missingBatchSum = null;
        for (JsonElement misconception : summary.getAsJsonArray("misconceptions")) {
            if (misconception.getAsJsonObject().get("code").getAsString().equals("missing-batch-sum")) {
                missingBatchSum = misconception.getAsJsonObject();
            }
        }
        assertTrue(missingBatchSum != null, "missing-batch-sum is in the misconception table");
        assertTrue(missingBatchSum.getAsJsonArray("students").toString().contains("mlp-gradient-check.missing-batch-sum"),
                missingBatchSum.toString());
        assertEquals(summary.getAsJsonArray("tests").size(), dev.gradecheck.course.Course.load(RepoCourse.root())
                .exercises().stream().mapToInt(exercise -> exercise.tests().size()).sum());
    }

    @Test
    void manualSheetListsEveryStudentsWrittenAnswer() {
        List<CSVRecord> rows = Outputs.csv(out.resolve("manual.csv"));
        assertEquals(34, rows.size(), "one manual item per student");
        CSVRecord solutions = rows.stream().filter(r -> r.get("student").equals("solutions")).findFirst().orElseThrow();
        assertEquals(ANSWER, solutions.get("answer"));
        assertEquals("vanishing-answer", solutions.get("item"));
        assertEquals("", solutions.get("points"));
    }

    @Test
    void manualGradesMergeIntoEveryOutputWithoutRegrading() throws Exception {
        Path copy = temp.resolve("manual-out");
        FileTrees.copy(out, copy);
        Path filled = temp.resolve("filled.csv");
        Files.writeString(filled, "student,exercise,item,points,comment\r\n"
                + "solutions,vanishing-gradients,vanishing-answer,4.5,\"Good, but quote the norms.\"\r\n"
                + "\"'=SUM(1,2)\",vanishing-gradients,vanishing-answer,1,\r\n"
                + "template,vanishing-gradients,vanishing-answer,,\r\n");
        double before = Outputs.scores(copy.resolve("solutions/report.json")).get("total");

        BatchResult merged = Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, copy).withManual(filled),
                Progress.lines(new PrintWriter(new StringWriter())));

        assertEquals(0, merged.graded(), "nothing is graded again");
        Path report = copy.resolve("solutions/report.json");
        assertEquals(List.of(), Outputs.reportSchemaErrors(report));
        JsonObject json = Outputs.json(report);
        assertEquals(before + 4.5, json.get("score").getAsDouble());
        assertEquals(0.0, json.get("pending_manual_points").getAsDouble());
        String reportText = Files.readString(report);
        assertTrue(reportText.contains("\"status\": \"graded\"") && reportText.contains("Good, but quote the norms."));
        JsonObject results = Outputs.json(copy.resolve("solutions/results.json"));
        assertEquals(before + 4.5, results.get("score").getAsDouble());
        assertTrue(results.toString().contains("(graded by hand)\",\"score\":4.5,\"max_score\":5"), results.toString());
        CSVRecord row = Outputs.gradebook(copy, "student").get("solutions");
        assertEquals("4.5", row.get("vanishing-gradients/vanishing-answer"));
        assertEquals("99.5", row.get("total"));
        assertEquals("1", Outputs.gradebook(copy, "student").get("'" + FORMULA_ID).get(
                "vanishing-gradients/vanishing-answer"));
        JsonObject item = Outputs.json(copy.resolve("class.json")).getAsJsonArray("manual_items").get(0).getAsJsonObject();
        assertEquals(2, item.get("graded").getAsInt());
        CSVRecord sheet = Outputs.csv(copy.resolve("manual.csv")).stream()
                .filter(r -> r.get("student").equals("solutions")).findFirst().orElseThrow();
        assertEquals("4.5", sheet.get("points"));

        BatchResult again = Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, copy),
                Progress.lines(new PrintWriter(new StringWriter())));
        assertEquals(0, again.graded());
        assertEquals("4.5", Outputs.gradebook(copy, "student").get("solutions").get(
                "vanishing-gradients/vanishing-answer"), "grades given once are kept");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown student|nobody,vanishing-gradients,vanishing-answer,3,|no student \"nobody\"",
        "unknown item|solutions,vanishing-gradients,essay,3,|no manual item \"essay\"",
        "points out of range|solutions,vanishing-gradients,vanishing-answer,6,|out of range",
        "negative points|solutions,vanishing-gradients,vanishing-answer,-1,|out of range",
        "not a number|solutions,vanishing-gradients,vanishing-answer,four,|is not a number"})
    void aBadManualRowRefusesTheWholeFileWithItsRowAndReason(String name, String badRow, String reason)
            throws Exception {
        Path copy = temp.resolve("refused-" + name.replace(' ', '-'));
        FileTrees.copy(out, copy);
        Path filled = temp.resolve(name.replace(' ', '-') + ".csv");
        Files.writeString(filled, "student,exercise,item,points,comment\n"
                + "template,vanishing-gradients,vanishing-answer,2,fine\n" + badRow + "\n");
        String gradebook = Files.readString(copy.resolve("gradebook.csv"));

        BatchRefused refused = assertThrows(BatchRefused.class, () -> Batch.run(BatchOptions.of(RepoCourse.root(),
                classFolder, copy).withManual(filled), Progress.lines(new PrintWriter(new StringWriter()))));

        assertTrue(refused.getMessage().contains(filled + ": row 3: ") && refused.getMessage().contains(reason),
                refused.getMessage());
        assertEquals(gradebook, Files.readString(copy.resolve("gradebook.csv")), "nothing applied");
        assertTrue(!Files.exists(copy.resolve(".batch/manual.json")), "nothing kept");
    }
}
