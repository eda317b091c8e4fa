package dev.gradecheck.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One exercise of the course, as its validated {@code exercise.json} declares it.
 *
 * @param id the exercise id, equal to its folder name
 * @param title what the exercise is about
 * @param folder {@code exercises/<id>}
 * @param studentFiles paths relative to a source root, e.g. {@code backprop/mlp/Mlp.java}, in manifest order
 * @param tests every hidden test method, in manifest order
 * @param manual items a person grades
 * @param structure structure rules, in manifest order
 * @param mutants known-bug variants
 */
public record Exercise(
        String id,
        String title,
        Path folder,
        List<String> studentFiles,
        List<HiddenTest> tests,
        List<ManualItem> manual,
        List<RuleDeclaration> structure,
        List<Mutant> mutants) {

    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        studentFiles = List.copyOf(studentFiles);
        tests = List.copyOf(tests);
        manual = List.copyOf(manual);
        structure = List.copyOf(structure);
        mutants = List.copyOf(mutants);
    }

    /** Sum of the test points. */
    public double testPoints() {
        return tests.stream().mapToDouble(HiddenTest::points).sum();
    }

    /** Sum of the manual items' points. */
    public double manualPoints() {
        return manual.stream().mapToDouble(ManualItem::points).sum();
    }

    /** The exercise's maximum: test points plus manual points. */
    public double maxScore() {
        return testPoints() + manualPoints();
    }

    /** The folder holding the hidden test sources, {@code exercises/<id>/tests}. */
    public Path testSources() {
        return folder.resolve("tests");
    }
}
