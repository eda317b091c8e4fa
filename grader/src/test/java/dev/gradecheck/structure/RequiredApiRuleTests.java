package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredApiRuleTests {

    private static final StructureChecker CHECKER = StructureChecker.create(StructureFixtures.STUBS);
    private static final StructureRule RULE = StructureRule.of(StructureRule.REQUIRED_API, Severity.ZERO);

    @ParameterizedTest
    @CsvSource({
        "Complete,           backprop/mlp/Mlp.java",
        "QualifiedTypes,     backprop/mlp/Mlp.java",
        "EnumConstantBodies, backprop/deep/Activations.java"})
    void acceptsTheTemplatesSignatures(String fixture, String declaredPath) {
        assertEquals(List.of(), check(declaredPath, fixture));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "MethodTypo         | backprop/mlp/Mlp.java | class Mlp has no method `backward(Matrix, Matrix, MlpCache)`; did you mean `backwrad`?"
            + " | Rename `backwrad` to `backward`: names must match the template exactly.",
        "MethodWrongCase    | backprop/mlp/Mlp.java | class Mlp has no method `backward(Matrix, Matrix, MlpCache)`; did you mean `Backward`?"
            + " | Rename `Backward` to `backward`: names must match the template exactly (Java names are case-sensitive).",
        "WrongParameters    | backprop/mlp/Mlp.java | method `backward` of Mlp takes (Matrix, Matrix) but the template's takes"
            + " (Matrix, Matrix, MlpCache) | Keep the template's declaration: `public MlpGradients backward(Matrix x, Matrix yTrue, MlpCache cache)`.",
        "WrongReturnType    | backprop/mlp/Mlp.java | method `loss(Matrix, Matrix)` of Mlp returns float instead of double"
            + " | Keep the template's declaration: `public double loss(Matrix x, Matrix yTrue)`.",
        "NotPublic          | backprop/mlp/Mlp.java | method `forward(Matrix)` of Mlp is not public"
            + " | Keep the template's declaration: `public MlpCache forward(Matrix x)`.",
        "MissingMethod      | backprop/mlp/Mlp.java | class Mlp has no method `backward(Matrix, Matrix, MlpCache)` — the hidden tests"
            + " use it | Add it with the template's declaration: `public MlpGradients backward(Matrix x, Matrix yTrue, MlpCache cache)`.",
        "ConstructorChanged | backprop/mlp/Mlp.java | constructor `Mlp` of Mlp takes (Matrix, Matrix) but the template's takes"
            + " (Matrix, Matrix, Matrix, Matrix) | Keep the template's declaration: `public Mlp(Matrix w1, Matrix b1, Matrix w2, Matrix b2)`.",
        "WrongKind          | backprop/mlp/Mlp.java | Mlp is an interface but the template declares a class"
            + " | Declare it as `class Mlp`, as in the template.",
        "WrongPackage       | backprop/mlp/Mlp.java | declares package backprop.MLP but the template's file is in package backprop.mlp"
            + " | Change the package line to `package backprop.mlp;`.",
        "NotStatic          | backprop/gradcheck/GradientCheck.java | method `relativeError(Matrix, Matrix)` of GradientCheck is"
            + " not static | Keep the template's declaration: `public static double relativeError(Matrix analytical, Matrix numerical)`.",
        "EnumConstantTypo   | backprop/deep/Activations.java | enum Activations has no enum constant `SIGMOID`; did you mean `SIGMOD`?"
            + " | Rename `SIGMOD` to `SIGMOID`: names must match the template exactly.",
        "EnumWithoutInterface | backprop/deep/Activations.java | enum Activations has no method `derivative(double)` — the hidden"
            + " tests use it | Add it with the template's declaration: `public double derivative(double z)`."})
    void explainsWhatDiffersFromTheTemplate(String fixture, String declaredPath, String message, String hint) {
        List<Finding> findings = check(declaredPath, fixture);

        int line = StructureFixtures.markedLine("required-api/" + fixture, "// marked");
        String file = declaredPath.substring(declaredPath.lastIndexOf('/') + 1);
        List<Finding> marked = StructureFixtures.onLine(findings, line).stream()
                .filter(finding -> finding.message().endsWith(": " + message)).toList();
        assertEquals(1, marked.size(), findings.toString());
        Finding finding = marked.get(0);
        assertTrue(finding.message().startsWith(file + ":" + line + ":"), finding.message());
        assertEquals("src/" + file, finding.location().file());
        assertEquals(hint, finding.hint());
        assertEquals("required-api", finding.rule());
        assertEquals(Severity.ZERO, finding.severity());
    }

    @Test
    void requiresTheTemplatesSupertypes() {
        List<Finding> findings = check("backprop/deep/Activations.java", "EnumWithoutInterface");

        assertTrue(findings.stream().anyMatch(finding -> finding.message().equals("Activations.java:3:13: enum Activations"
                + " does not extend or implement Activation, unlike the template's")), findings.toString());
    }

    @Test
    void deductsTheManifestsPointsPerFinding() {
        StructureRule deduct = new StructureRule(StructureRule.REQUIRED_API, Severity.DEDUCT, 2, "", List.of(),
                "Keep every method of the template.");

        List<Finding> findings = CHECKER.check(List.of(deduct),
                List.of(StructureFixtures.source("backprop/mlp/Mlp.java", "required-api/MissingMethod")));

        assertEquals(1, findings.size());
        assertEquals(Severity.DEDUCT, findings.get(0).severity());
        assertEquals(2, findings.get(0).points());
        assertEquals("Keep every method of the template.", findings.get(0).hint());
    }

    @Test
    void ignoresFilesTheTemplateDoesNotCover() {
        assertEquals(List.of(), check("backprop/other/Mlp.java", "required-api/WrongKind"));
    }

    private static List<Finding> check(String declaredPath, String fixture) {
        String name = fixture.contains("/") ? fixture : "required-api/" + fixture;
        return CHECKER.check(List.of(RULE), List.of(StructureFixtures.source(declaredPath, name)));
    }
}
