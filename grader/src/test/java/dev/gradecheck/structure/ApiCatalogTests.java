package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCatalogTests {

    @TempDir
    Path temp;

    @Test
    void readsTheRealTemplatesStubs() {
        Path template = Path.of("..", "student-template", "src", "main", "java");

        ApiCatalog catalog = ApiCatalog.fromTemplate(template, Set.of("backprop/mlp/Mlp.java"));

        assertEquals(Set.of("backprop/mlp/Mlp.java"), catalog.studentFiles());
        assertTrue(catalog.requiredDeclarations("backprop/mlp/Mlp.java").stream()
                .anyMatch(declaration -> declaration.startsWith("public MlpGradients backward(")),
                catalog.requiredDeclarations("backprop/mlp/Mlp.java").toString());
    }

    @Test
    void requiresOnlyPublicMembers() {
        assertEquals(List.of(
                "public static Matrix numericalGradient(ToDoubleFunction<Matrix> f, Matrix x, double h)",
                "public static double relativeError(Matrix analytical, Matrix numerical)"),
                StructureFixtures.STUBS.requiredDeclarations("backprop/gradcheck/GradientCheck.java"));
    }

    @Test
    void requiresEnumConstants() {
        assertEquals(List.of("SIGMOID", "RELU", "TANH", "public double apply(double z)", "public double derivative(double z)"),
                StructureFixtures.STUBS.requiredDeclarations("backprop/deep/Activations.java"));
    }

    @Test
    void namesTheStubThatIsMissing() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ApiCatalog.fromTemplate(temp, Set.of("backprop/mlp/Mlp.java")));

        assertEquals(temp.resolve("backprop/mlp/Mlp.java") + ": the template has no stub for the student file"
                + " backprop/mlp/Mlp.java — every student file needs its stub in the template", error.getMessage());
    }

    @Test
    void namesTheStubThatDeclaresAnotherType() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ApiCatalog.fromStubs(Map.of("backprop/mlp/Mlp.java", "package backprop.mlp; class Network {}")));

        assertEquals("backprop/mlp/Mlp.java: the template's stub does not declare the type Mlp its path names",
                error.getMessage());
    }
}
