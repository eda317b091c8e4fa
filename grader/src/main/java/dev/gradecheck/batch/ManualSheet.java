package dev.gradecheck.batch;

import dev.gradecheck.scoring.Points;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code manual.csv}: one row per student and manual item, for a person to grade in a spreadsheet and pass back with
 * {@code --manual}: {@code student}, {@code name}, {@code exercise}, {@code item}, {@code title}, {@code max_points},
 * {@code answer} (what the student wrote for it, from {@code ANSWERS.md}), {@code points} and {@code comment} (empty
 * until graded; the grades merged so far otherwise). Text cells a spreadsheet would run as a formula are neutralised
 * ({@link Cells}), and read back as written.
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
                            Cells.write(Answers.section(student.answers(), item.exercise())),
                            grade.map(g -> Points.format(g.points())).orElse(""),
                            Cells.write(grade.map(ManualGrades.Grade::comment).orElse("")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
