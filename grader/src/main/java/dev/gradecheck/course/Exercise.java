package dev.gradecheck.course;

import dev.gradecheck.api.Visibility;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ApiPattern;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

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
 * @param order the exercise's place in the course (1 first), if its manifest gives one; the course lists exercises
 *     with a place first, by place, then the others by id
 * @param allow what the exercise admits beyond the standard allow-list, in manifest order; usually empty
 * @param visibility when a student may see the exercise's own results (compilation, code checks, manual items);
 *     also the default of its tests
 * @param apiFamilies the API families the exercise may use: the course's ({@code course.json}) with the manifest's
 *     {@code "apiFamilies"} applied; usually empty
 * @param limits the child JVM's limits for this exercise: the course's with the manifest's {@code "sandbox"} applied;
 *     where neither sets one, the grader's default applies
 */
@API(status = API.Status.INTERNAL)
public record Exercise(
        String id,
        String title,
        Path folder,
        List<String> studentFiles,
        List<HiddenTest> tests,
        List<ManualItem> manual,
        List<RuleDeclaration> structure,
        List<Mutant> mutants,
        OptionalInt order,
        List<ApiPattern> allow,
        Visibility visibility,
        List<ApiFamily> apiFamilies,
        Limits limits) {

    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        studentFiles = List.copyOf(studentFiles);
        tests = List.copyOf(tests);
        manual = List.copyOf(manual);
        structure = List.copyOf(structure);
        mutants = List.copyOf(mutants);
        Objects.requireNonNull(order, "order");
        allow = List.copyOf(allow);
        Objects.requireNonNull(visibility, "visibility");
        apiFamilies = List.copyOf(apiFamilies);
        Objects.requireNonNull(limits, "limits");
    }

    /** An exercise every student sees, that allows no API family and sets no limit of its own. */
    public Exercise(String id, String title, Path folder, List<String> studentFiles, List<HiddenTest> tests,
                    List<ManualItem> manual, List<RuleDeclaration> structure, List<Mutant> mutants,
                    OptionalInt order, List<ApiPattern> allow) {
        this(id, title, folder, studentFiles, tests, manual, structure, mutants, order, allow, Visibility.VISIBLE);
    }

    /** An exercise that allows no API family and sets no limit of its own. */
    public Exercise(String id, String title, Path folder, List<String> studentFiles, List<HiddenTest> tests,
                    List<ManualItem> manual, List<RuleDeclaration> structure, List<Mutant> mutants,
                    OptionalInt order, List<ApiPattern> allow, Visibility visibility) {
        this(id, title, folder, studentFiles, tests, manual, structure, mutants, order, allow, visibility, List.of(),
                Limits.NONE);
    }

    /** An exercise every student sees. */
    public Exercise(String id, String title, Path folder, List<String> studentFiles, List<HiddenTest> tests,
                    List<ManualItem> manual, List<RuleDeclaration> structure, List<Mutant> mutants,
                    OptionalInt order, List<ApiPattern> allow, List<ApiFamily> apiFamilies, Limits limits) {
        this(id, title, folder, studentFiles, tests, manual, structure, mutants, order, allow, Visibility.VISIBLE,
                apiFamilies, limits);
    }

    /** Course order: exercises with a place first, by place, then the others, by id. */
    public static final Comparator<Exercise> COURSE_ORDER = Comparator
            .comparingInt((Exercise exercise) -> exercise.order().orElse(Integer.MAX_VALUE))
            .thenComparing(Exercise::id);

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
