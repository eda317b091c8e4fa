package dev.gradecheck.structure;

import dev.gradecheck.api.Finding;
import dev.gradecheck.submission.Fixtures;
import dev.gradecheck.submission.StudentSource;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the structure tests: the template stubs and marked student files. */
final class StructureFixtures {

    static final ApiCatalog STUBS = ApiCatalog.fromStubs(Map.of(
            "backprop/mlp/Mlp.java", Fixtures.text("structure/stubs/backprop/mlp/Mlp.java.txt"),
            "backprop/gradcheck/GradientCheck.java", Fixtures.text("structure/stubs/backprop/gradcheck/GradientCheck.java.txt"),
            "backprop/deep/Activations.java", Fixtures.text("structure/stubs/backprop/deep/Activations.java.txt")));

    private StructureFixtures() {
    }

    /** The fixture {@code structure/<name>.java.txt} as the student file {@code declaredPath}, found at {@code Mlp.java}. */
    static StudentSource source(String declaredPath, String name) {
        String fileName = declaredPath.substring(declaredPath.lastIndexOf('/') + 1);
        return Fixtures.studentSource(declaredPath, "src/" + fileName, "structure/" + name + ".java.txt");
    }

    /** The 1-based line of the fixture holding {@code marker}, e.g. {@code // forbidden}. */
    static int markedLine(String name, String marker) {
        List<String> lines = Fixtures.text("structure/" + name + ".java.txt").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name + " has no line marked " + marker);
    }

    /** The findings on {@code line}. */
    static List<Finding> onLine(List<Finding> findings, int line) {
        return findings.stream().filter(finding -> finding.location().line() == line).toList();
    }
}
