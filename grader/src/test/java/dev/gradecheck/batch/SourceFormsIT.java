package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.testing.RepoCourse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each form of SOURCE other than a plain folder of folders, zips and repositories ({@link ClassGradingIT}), on a small
 * class graded on two exercises: a Gradescope export as a folder and as its zip (names, emails, student ids from
 * {@code submission_metadata.yml}), a folder of GitHub Classroom repositories (the login, the last commit), a roster
 * CSV naming a folder, a zip, a repository at a ref and a row without source. In each, the batch's scores equal
 * one-off gradings of the same files (the solutions, an example, a known-bug variant of each of the two exercises;
 * through {@link ClassFixture#oneOff}). Also the deadline rule on a git repository with commits before and after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceFormsIT {

    private static final List<String> EXERCISES = List.of("chain-rule", "single-neuron");

    private Path temp;

    private Map<String, Path> made;
    private final Map<String, Map<String, Double>> oneOff = new LinkedHashMap<>();

    @BeforeAll
    void makeSubmissions(@TempDir Path folder) {
        temp = folder;
        made = new LinkedHashMap<>(ClassFixture.submissions(temp.resolve("made"), 5));
        made.put("chain-rule.sign-flipped", ClassFixture.variant("chain-rule", "sign-flipped",
                temp.resolve("made/chain-rule.sign-flipped")));
        made.put("single-neuron.factor-half", ClassFixture.variant("single-neuron", "factor-half",
                temp.resolve("made/single-neuron.factor-half")));
        for (String name : List.of("solutions", "partial", "chain-rule.sign-flipped", "single-neuron.factor-half")) {
            oneOff.put(name, ClassFixture.oneOff(made.get(name).toString(), Optional.empty(), EXERCISES));
        }
    }

    private BatchResult batch(Path source, Path out, Optional<Instant> deadline) throws Exception {
        return Batch.run(new BatchOptions(RepoCourse.root(), source, out, 2, Optional.empty(), deadline, EXERCISES,
                "student"), Progress.lines(new PrintWriter(new StringWriter())));
    }

    @Test
    void aGradescopeExportFolderAndItsZipNameTheSubmittersAndScoreAsOneOffGradings() throws Exception {
        Path export = Files.createDirectories(temp.resolve("export"));
        StringBuilder metadata = new StringBuilder();
        int n = 1;
        for (String name : oneOff.keySet()) {
            ClassFixture.copy(made.get(name), export.resolve("submission_" + n));
            metadata.append("submission_").append(n).append(":\n  :submitters:\n  - :name: Student ").append(name)
                    .append("\n    :sid: '").append(1000 + n).append("'\n    :email: s").append(n)
                    .append("@example.org\n  :score: !ruby/object:BigDecimal 18:0.1e2\n");
            n++;
        }
        Files.writeString(export.resolve("submission_metadata.yml"), metadata);
        Path zip = ClassFixture.zip(temp.resolve("export"), temp.resolve("export.zip"));
        for (Path source : List.of(export, zip)) {
            Path out = temp.resolve("out-" + source.getFileName());
            batch(source, out, Optional.empty());
            Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
            int i = 1;
            for (String name : oneOff.keySet()) {
                String sid = String.valueOf(1000 + i);
                assertEquals("Student " + name, rows.get(sid).get("name"));
                assertEquals("s" + i + "@example.org", rows.get(sid).get("email"));
                assertEquals(oneOff.get(name), Outputs.scores(out.resolve(sid).resolve("report.json")), name);
                i++;
            }
            assertEquals("gradescope", Outputs.json(out.resolve("class.json")).get("source_form").getAsString());
        }
    }

    @Test
    void classroomRepositoriesAreGradedAtTheirLastCommitUnderTheirLogin() throws Exception {
        Path classroom = Files.createDirectories(temp.resolve("classroom"));
        Map<String, String> commits = new LinkedHashMap<>();
        for (String name : List.of("solutions", "partial")) {
            Path repository = ClassFixture.copy(made.get(name), classroom.resolve("backprop-hw1-" + name));
            commits.put(name, ClassFixture.commitAll(repository, "work", "2025-01-10T10:00:00+00:00"));
        }
        Path out = temp.resolve("out-classroom");
        batch(classroom, out, Optional.empty());
        Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
        assertEquals(List.of("partial", "solutions"), List.copyOf(rows.keySet()));
        for (String name : commits.keySet()) {
            assertEquals(commits.get(name), rows.get(name).get("commit"));
            assertEquals(oneOff.get(name), Outputs.scores(out.resolve(name).resolve("report.json")), name);
        }
        assertEquals("classroom", Outputs.json(out.resolve("class.json")).get("source_form").getAsString());
    }

    @Test
    void aRosterNamesFoldersZipsAndRepositoriesAtARef() throws Exception {
        Path sources = Files.createDirectories(temp.resolve("roster-sources"));
        ClassFixture.copy(made.get("solutions"), sources.resolve("ada"));
        ClassFixture.zip(made.get("partial"), sources.resolve("bob.zip"));
        Path repository = ClassFixture.copy(made.get("chain-rule.sign-flipped"), sources.resolve("cy-repo"));
        String commit = ClassFixture.commitAll(repository, "first", "2025-01-10T10:00:00+00:00");
        ClassFixture.git(repository, null, "branch", "submitted");
        ClassFixture.copy(made.get("solutions"), repository);
        ClassFixture.commitAll(repository, "after", "2025-01-11T10:00:00+00:00");
        Path roster = sources.resolve("roster.csv");
        Files.writeString(roster, "student,source,ref,name\nada,ada,,Ada\nbob,bob.zip,,Bob\ncy,cy-repo,submitted,Cy\n"
                + "dee,,,Dee\n");
        Path out = temp.resolve("out-roster");
        batch(roster, out, Optional.empty());
        Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
        assertEquals(oneOff.get("solutions"), Outputs.scores(out.resolve("ada/report.json")));
        assertEquals(oneOff.get("partial"), Outputs.scores(out.resolve("bob/report.json")));
        assertEquals(oneOff.get("chain-rule.sign-flipped"), Outputs.scores(out.resolve("cy/report.json")));
        assertEquals(commit, rows.get("cy").get("commit"));
        assertEquals("Ada", rows.get("ada").get("name"));
        assertEquals("not_gradable", rows.get("dee").get("status"));
        assertTrue(rows.get("dee").get("reason").contains("no source"), rows.get("dee").get("reason"));
    }

    @Test
    void withADeadlineAGitSubmissionIsGradedAtItsLastCommitBeforeItAndTheGradebookSaysWhich() throws Exception {
        Path repository = ClassFixture.copy(made.get("chain-rule.sign-flipped"), temp.resolve("deadline/late-lou"));
        String before = ClassFixture.commitAll(repository, "on time", "2025-03-01T20:00:00+01:00");
        ClassFixture.copy(made.get("solutions"), repository);
        ClassFixture.commitAll(repository, "too late", "2025-03-02T09:00:00+01:00");
        Path early = ClassFixture.copy(made.get("partial"), temp.resolve("deadline/early-eve"));
        ClassFixture.commitAll(early, "after only", "2025-03-05T09:00:00+01:00");

        Path out = temp.resolve("out-deadline");
        batch(temp.resolve("deadline"), out, Optional.of(Instant.parse("2025-03-01T22:59:00Z")));

        Map<String, CSVRecord> rows = Outputs.gradebook(out, "student");
        assertEquals(before, rows.get("late-lou").get("commit"));
        assertEquals("2025-03-01T20:00:00+01:00", rows.get("late-lou").get("commit_time"));
        assertEquals(ClassFixture.oneOff(repository.toString(), Optional.of(before), EXERCISES),
                Outputs.scores(out.resolve("late-lou/report.json")));
        assertEquals(oneOff.get("chain-rule.sign-flipped"), Outputs.scores(out.resolve("late-lou/report.json")));
        assertEquals("not_gradable", rows.get("early-eve").get("status"));
        assertTrue(rows.get("early-eve").get("reason").contains("no commit"), rows.get("early-eve").get("reason"));
    }
}
