package dev.gradecheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.course.Mutant;
import dev.gradecheck.testing.TinyCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantBuilderTests {

    private static final String CALC = "package demo.calc;\npublic final class Calc { }\n";
    private static final String OTHER = "package demo.other;\npublic final class Other { }\n";

    @TempDir
    Path root;

    @Test
    void replacesTheSolutionFileDeclaringTheSamePackageAndClass() throws IOException {
        writeSolutions();
        String variant = "package demo.calc;\n// the bug\npublic final class Calc { }\n";
        TinyCourse.file(root, "mutants/bug/anywhere/Calc.java", variant);

        List<String> problems = builder().write(mutant(), "mutants/bug", root.resolve("out"));

        assertEquals(List.of(), problems);
        assertEquals(variant, Files.readString(root.resolve("out/demo/calc/Calc.java")));
        assertEquals(OTHER, Files.readString(root.resolve("out/demo/other/Other.java")));
    }

    @Test
    void refusesAVariantFileWhoseClassNoSolutionFileDeclares() {
        writeSolutions();
        TinyCourse.file(root, "mutants/bug/Calc.java", "package demo.wrong;\npublic final class Calc { }\n");

        List<String> problems = builder().write(mutant(), "mutants/bug", root.resolve("out"));

        assertEquals(List.of("mutants/bug/Calc.java declares demo.wrong.Calc, which no solution file declares — a variant "
                + "file must have the package and class of the student file it replaces"), problems);
        assertFalse(Files.exists(root.resolve("out")));
    }

    @Test
    void refusesAVariantFileThatCannotBeParsed() {
        writeSolutions();
        TinyCourse.file(root, "mutants/bug/Calc.java", "package demo.calc;\npublic final class Calc {\n");

        List<String> problems = builder().write(mutant(), "mutants/bug", root.resolve("out"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("mutants/bug/Calc.java cannot be parsed: "), problems.get(0));
    }

    private void writeSolutions() {
        TinyCourse.file(root, "solutions/demo/calc/Calc.java", CALC);
        TinyCourse.file(root, "solutions/demo/other/Other.java", OTHER);
    }

    private VariantBuilder builder() {
        return new VariantBuilder(root.resolve("solutions"));
    }

    private Mutant mutant() {
        return new Mutant("bug", "a bug", root.resolve("mutants/bug"));
    }
}
