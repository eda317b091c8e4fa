package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.FeedbackHtml;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared class of 34 ({@link GradedClass}: solutions, template, examples, known-bug variants; folders, zips and a
 * git repository; an empty folder, a corrupt zip, a student id that is a spreadsheet formula), graded once per test
 * JVM by the batch with warm graders, and what it wrote. Covered here:
 * <ul>
 *   <li>scores: every gradable student's report has the scores of a one-off {@code grade} of the same files, on a
 *       sample that holds each SOURCE form of this class (folder, zip, git repository at a commit) and each kind of
 *       submission (solutions, template, each example, the formula id, one known-bug variant of every exercise the
 *       class has, and every zip); the sample's feedback pages equal the one-off's apart from the time;
 *   <li>every report valid against its schema, every student with {@code results.json} and {@code feedback.html};
 *   <li>submissions that cannot be graded are rows with a reason; the gradebook read with commons-csv, no formula
 *       cell; {@code class.json} against its schema; {@code manual.csv} with the written answer from the report;
 *   <li>manual grades merged into report, results, gradebook, class.json, manual.csv and the feedback page (a
 *       hostile comment shown as text) without regrading, and kept; a bad row refuses the whole file, nothing changed.
 * </ul>
 * The other SOURCE forms are in {@link SourceFormsIT}, resume after SIGKILL in {@link ResumeIT}.
 */
class ClassGradingIT {

    private static final String ANSWER = GradedClass.ANSWER;
    private static final String FORMULA_ID = GradedClass.FORMULA_ID;
    /** A grader's comment that tries to become markup on the student's page. */
    private static final String HOSTILE = "</pre></li><script>alert(1)</script><img src=x onerror=alert(2)> \"ok\"";
    private static final String HOSTILE_CSV = HOSTILE.replace("\"", "\"\"");

    @TempDir
    Path temp;

    private final GradedClass graded = GradedClass.get();
    private final Path classFolder = graded.classFolder();
    private final Path out = graded.out();
    private final BatchResult result = graded.result();
    private final Map<String, String> sources = graded.sources();
    private final String gitCommit = graded.gitCommit();

    /** The students compared with one-off gradings; see the class comment. */
    private List<String> sample() {
        List<String> sample = new ArrayList<>();
        Set<String> exercises = new HashSet<>();
        sources.forEach((id, source) -> {
            boolean variant = id.contains(".") && !id.equals(FORMULA_ID);
            if (!variant || source.endsWith(".zip") || exercises.add(id.substring(0, id.indexOf('.')))) {
                sample.add(id);
            }
        });
        return sample;
    }

    @Test
    void everyStudentScoresAsAOneOffGradingOfTheSameFiles() throws IOException {
        assertEquals(34, result.students(), graded.log());
        assertEquals(34, result.graded());
        List<String> sample = sample();
        assertTrue(sample.size() >= 12 && sample.containsAll(List.of("solutions", "template", "compile-error",
                "partial", "typical-mistake", "git-student", FORMULA_ID)), sample.toString());
        Map<String, Map<String, Double>> batch = new LinkedHashMap<>();
        Map<String, Map<String, Double>> oneOff = new LinkedHashMap<>();
        for (String id : sample) {
            Path folder = out.resolve(ClassSources.safeName(id));
            batch.put(id, Outputs.scores(folder.resolve("report.json")));
            ClassFixture.OneOff grading = ClassFixture.oneOffGrading(sources.get(id), id.equals("git-student")
                    ? Optional.of(gitCommit) : Optional.empty(), List.of());
            oneOff.put(id, grading.scores());
            assertEquals(Outputs.feedbackWithoutTime(grading.feedback()),
                    Outputs.feedbackWithoutTime(Files.readString(folder.resolve("feedback.html"))), id);
        }
        assertEquals(oneOff, batch);
        Set<Double> totals = new HashSet<>();
        sources.keySet().forEach(id -> totals.add(Outputs.scores(out.resolve(ClassSources.safeName(id))
                .resolve("report.json")).get("total")));
        assertTrue(totals.size() > 5, "the class should have a spread of scores: " + totals);
    }

    @Test
    void everyReportIsValidAndTheGitSubmissionNamesItsCommit() throws IOException {
        for (String id : sources.keySet()) {
            Path report = out.resolve(ClassSources.safeName(id)).resolve("report.json");
            assertEquals(List.of(), Outputs.reportSchemaErrors(report), id);
            assertTrue(Files.isRegularFile(report.resolveSibling("results.json")), id);
            assertTrue(Files.isRegularFile(report.resolveSibling("feedback.html")), id);
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
                + "solutions,vanishing-gradients,vanishing-answer,4.5,\"Good, but quote the norms. " + HOSTILE_CSV
                + "\"\r\n"
                + "\"'=SUM(1,2)\",vanishing-gradients,vanishing-answer,1,\r\n"
                + "template,vanishing-gradients,vanishing-answer,,\r\n");
        double before = Outputs.scores(copy.resolve("solutions/report.json")).get("total");
        String templatePage = Files.readString(copy.resolve("template/feedback.html"));

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
        String page = Files.readString(copy.resolve("solutions/feedback.html"));
        assertEquals(List.of(), FeedbackHtml.problems(page));
        Document shown = FeedbackHtml.parse(page);
        assertTrue(shown.select("script, img").isEmpty(), "the comment is text, not markup");
        Element gradedItem = shown.selectFirst("#exercise-vanishing-gradients li.manual-item");
        assertEquals("graded", gradedItem.attr("data-status"));
        assertEquals("4.5 / 5", gradedItem.selectFirst(".awarded").text());
        assertEquals("Good, but quote the norms. " + HOSTILE, gradedItem.selectFirst(".comment-text").wholeText());
        assertEquals(ANSWER, gradedItem.selectFirst("pre.answer-text").wholeText());
        assertEquals("Score: 99.5 / 100", shown.getElementById("total").text());
        assertEquals(templatePage, Files.readString(copy.resolve("template/feedback.html")), "an ungraded row");
        assertTrue(Files.readString(copy.resolve(ClassSources.safeName(FORMULA_ID)).resolve("feedback.html"))
                .contains("class=\"awarded\">1 / 5<"));
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
        Map<String, String> pages = feedbackPages(copy);

        BatchRefused refused = assertThrows(BatchRefused.class, () -> Batch.run(BatchOptions.of(RepoCourse.root(),
                classFolder, copy).withManual(filled), Progress.lines(new PrintWriter(new StringWriter()))));

        assertTrue(refused.getMessage().contains(filled + ": row 3: ") && refused.getMessage().contains(reason),
                refused.getMessage());
        assertEquals(gradebook, Files.readString(copy.resolve("gradebook.csv")), "nothing applied");
        assertEquals(pages, feedbackPages(copy), "no feedback page changed");
        assertTrue(!Files.exists(copy.resolve(".batch/manual.json")), "nothing kept");
    }

    private static Map<String, String> feedbackPages(Path out) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            for (Path folder : files.filter(Files::isDirectory).sorted().toList()) {
                Path page = folder.resolve("feedback.html");
                if (Files.isRegularFile(page)) {
                    pages.put(folder.getFileName().toString(), Files.readString(page));
                }
            }
        }
        assertEquals(34, pages.size(), "every student has a page");
        return pages;
    }
}
