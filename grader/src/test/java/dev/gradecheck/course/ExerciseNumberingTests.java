package dev.gradecheck.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TinyCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course's texts number the exercises as reports and Gradescope do: exercise N is the N-th in course order, the
 * order the manifests' {@code order} fields give ({@link Course#exercises()}). Checked in each statement's title
 * ({@code exercises/<id>/README.md}) and in the template's Markdown files (headings and the table of exercises).
 */
class ExerciseNumberingTests {

    /** {@code # Exercise 3 — `losses-and-clipping`} and {@code ## Exercise 5 `vanishing-gradients`}. */
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ Exercise (\\d+)\\W+`([a-z0-9-]+)`");
    /** A row of the template README's table of exercises: {@code | 3 | `losses-and-clipping` — ...}. */
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (\\d+) \\| `([a-z0-9-]+)`");

    @TempDir
    Path folder;

    @Test
    void theStatementsAndTheTemplateNumberEveryExerciseByItsPlaceInCourseOrder() throws Exception {
        assertEquals(List.of(), misnumbered(RepoCourse.root()));
    }

    @Test
    void aStatementTitleThatDisagreesWithCourseOrderIsNamed() throws Exception {
        Path root = TinyCourse.write(folder);
        TinyCourse.file(root, "exercises/calc/README.md", "# Exercise 2 — `calc` (5 points)\n");
        TinyCourse.file(root, "student-template/README.md", "| 1 | `calc` — adding | 5 |\n");
        assertEquals(List.of("exercises/calc/README.md: its title numbers `calc` 2, but it is exercise 1 in course"
                + " order (the manifests' \"order\", as in reports and Gradescope)"), misnumbered(root));
    }

    @Test
    void aTemplateTableThatDisagreesWithCourseOrderIsNamed() throws Exception {
        Path root = TinyCourse.write(folder);
        TinyCourse.file(root, "exercises/calc/README.md", "# Exercise 1 — `calc` (5 points)\n");
        TinyCourse.file(root, "student-template/README.md", "| 3 | `calc` — adding | 5 |\n");
        assertEquals(List.of("student-template/README.md: numbers `calc` 3, but it is exercise 1 in course order"
                + " (the manifests' \"order\", as in reports and Gradescope)"), misnumbered(root));
    }

    /** What in the course's texts numbers an exercise otherwise than course order does; empty when all agree. */
    private static List<String> misnumbered(Path root) throws CourseException, IOException {
        Map<String, Integer> places = new LinkedHashMap<>();
        for (Exercise exercise : Course.load(root).exercises()) {
            places.put(exercise.id(), places.size() + 1);
        }
        List<String> problems = new ArrayList<>();
        for (String id : places.keySet()) {
            Path statement = root.resolve("exercises").resolve(id).resolve("README.md");
            Matcher title = HEADING.matcher(Files.exists(statement) ? Files.readString(statement) : "");
            if (!title.find() || title.start() != 0 || !title.group(2).equals(id)) {
                problems.add("exercises/" + id + "/README.md: must start with \"# Exercise N — `" + id + "`\"");
            } else if (Integer.parseInt(title.group(1)) != places.get(id)) {
                problems.add("exercises/" + id + "/README.md: its title numbers `" + id + "` " + title.group(1)
                        + ", but it is exercise " + places.get(id) + " in course order" + WHY);
            }
        }
        for (Path text : templateTexts(root)) {
            for (Pattern pattern : List.of(HEADING, TABLE_ROW)) {
                Matcher mention = pattern.matcher(Files.readString(text));
                while (mention.find()) {
                    Integer place = places.get(mention.group(2));
                    if (place == null || place != Integer.parseInt(mention.group(1))) {
                        problems.add("student-template/" + text.getFileName() + ": numbers `" + mention.group(2) + "` "
                                + mention.group(1) + ", but it is " + (place == null ? "no exercise of the course"
                                : "exercise " + place + " in course order" + WHY));
                    }
                }
            }
        }
        return problems;
    }

    private static final String WHY = " (the manifests' \"order\", as in reports and Gradescope)";

    private static List<Path> templateTexts(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("student-template"))) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }
}
