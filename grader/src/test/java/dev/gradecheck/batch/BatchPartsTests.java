package dev.gradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch's parts that need no child JVM: cells, Gradescope's metadata, the journal, the source forms. */
class BatchPartsTests {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"})
    void formulaCellsAreNeutralisedAndReadBackAsWritten(String text) {
        String cell = Cells.write(text);
        assertEquals('\'', cell.charAt(0));
        assertEquals(text, Cells.read(cell));
    }

    @Test
    void plainCellsStayAsTheyAre() {
        assertEquals("alice", Cells.write("alice"));
        assertEquals("'quoted", Cells.read("'quoted"));
    }

    @Test
    void gradescopeMetadataIsReadWithRubyKeysAndTags() throws Exception {
        Path file = temp.resolve("submission_metadata.yml");
        Files.writeString(file, """
                submission_1001:
                  :submitters:
                  - :name: Ada Lovelace
                    :sid: '12345'
                    :email: ada@example.org
                  :created_at: 2025-01-10 12:00:00.000000000 -08:00
                  :score: !ruby/object:BigDecimal 18:0.95e2
                submission_1002:
                  :submitters:
                  - :name: "=HYPERLINK(\\"http://evil.example\\")"
                    :email: eve@example.org
                """);
        Map<String, List<GradescopeMetadata.Submitter>> metadata = GradescopeMetadata.read(file);
        assertEquals(List.of(new GradescopeMetadata.Submitter("Ada Lovelace", "ada@example.org", "12345")),
                metadata.get("submission_1001"));
        assertEquals("eve@example.org", metadata.get("submission_1002").get(0).email());
    }

    @Test
    void aMetadataFileOfNestedAliasesIsRefusedNotExpanded() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            yaml.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        Path file = temp.resolve("submission_metadata.yml");
        Files.writeString(file, yaml);
        BatchRefused refused = assertThrows(BatchRefused.class, () -> GradescopeMetadata.read(file));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    }

    @Test
    void aJournalCutsOffAHalfWrittenLastLineAndKeepsEachStudentsLastEntry() throws Exception {
        Path file = temp.resolve("journal.jsonl");
        try (Journal journal = Journal.open(file)) {
            journal.append(entry("alice", "c1"));
            journal.append(entry("bob", "c1"));
            journal.append(entry("alice", "c2"));
        }
        Files.writeString(file, "{\"student\":\"carol\",\"cont", StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(file)) {
            assertEquals("c2", journal.latest("alice").orElseThrow().content());
            assertEquals(Optional.empty(), journal.latest("carol"));
            journal.append(entry("carol", "c3"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), lines.toString());
        try (Journal journal = Journal.open(file)) {
            assertEquals("c3", journal.latest("carol").orElseThrow().content());
        }
    }

    private static Journal.Entry entry(String student, String content) {
        return new Journal.Entry(student, content, "suite", "settings", Batch.GRADED, "", Optional.empty(),
                Optional.empty());
    }

    @Test
    void classroomRepositoriesAreNamedByTheirLoginAndIdsGetSafeUniqueFolders() throws Exception {
        for (String name : List.of("hw1-alice", "hw1-al-bob")) {
            Files.createDirectories(temp.resolve("classroom").resolve(name).resolve(".git"));
        }
        ClassSources.ClassList list = ClassSources.read(temp.resolve("classroom"), temp.resolve("unpacked"));
        assertEquals("classroom", list.form());
        assertEquals(List.of("al-bob", "alice"), list.entries().stream().map(ClassEntry::student).toList());
        assertEquals("_etc_passwd", ClassSources.safeName("/etc/passwd"));
        assertEquals("_..", ClassSources.safeName("..."));
    }

    @Test
    void aRosterWithoutItsColumnsIsRefusedWithTheFileAndTheColumns() throws Exception {
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "name,path\nalice,alice\n");
        BatchRefused refused = assertThrows(BatchRefused.class, () -> ClassSources.read(roster, temp.resolve("u")));
        assertTrue(refused.getMessage().contains(roster + ": the first row must name the columns student,source"),
                refused.getMessage());
    }

    @Test
    void aClassNamingOneStudentTwiceIsRefused() throws Exception {
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "student,source\nalice,a\nalice,b\n");
        BatchRefused refused = assertThrows(BatchRefused.class, () -> ClassSources.read(roster, temp.resolve("u")));
        assertTrue(refused.getMessage().contains("\"alice\" twice"), refused.getMessage());
    }

    @Test
    void helpDocumentsEveryOption() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertEquals(dev.gradecheck.app.ExitCode.OK, dev.gradecheck.cli.Main.run(new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true), "batch", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("SOURCE", "--out", "--jobs", "--manual", "--deadline", "--exercise", "--id-column",
                "Gradescope", "Classroom", "roster")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
    }

    @Test
    void aDeadlineWithoutAnOffsetIsAUsageErrorSayingHowToWriteIt() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertEquals(dev.gradecheck.app.ExitCode.USAGE, dev.gradecheck.cli.Main.run(
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(err, true),
                "batch", temp.toString(), "--out", temp.resolve("out").toString(), "--deadline", "2025-03-01 23:59"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2025-03-01T23:59:00+01:00"), err.toString());
    }
}
