package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenCallsRuleTests {

    private static final String HINT = "backward must use the cache it is given, not run a new forward pass";
    private static final StructureRule RULE = new StructureRule(StructureRule.FORBIDDEN_CALLS, Severity.DEDUCT, 3,
            "backprop.mlp.Mlp#backward", List.of("forward", "loss", "GradientCheck.*"), HINT);
    private static final StructureChecker CHECKER = StructureChecker.create(ApiCatalog.empty());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CallsForward                   | 26 | backward calls `forward`",
        "CallsForwardTwice              | 26 | backward calls `forward` (2 calls)",
        "CallsLossThroughHelper         | 20 | backward calls `loss` through `gradientsFor`",
        "CallsGradientCheck             | 26 | backward calls `numericalGradient`",
        "CallsGradientCheckStaticImport | 24 | backward calls `relativeError`",
        "RefersToForward                | 62 | backward calls `forward`"})
    void reportsForbiddenCallWithItsLine(String fixture, int column, String what) {
        List<Finding> findings = check(fixture);

        int line = StructureFixtures.markedLine("forbidden-calls/" + fixture, "// forbidden");
        assertEquals(List.of(new Finding("forbidden-calls", Severity.DEDUCT, 3, new Location("src/Mlp.java", line, column),
                "Mlp.java:" + line + ":" + column + ": " + what + ", which backprop.mlp.Mlp#backward must not call", HINT)),
                findings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UsesCache", "ForwardElsewhereOnly"})
    void allowsBackwardThatUsesItsCache(String fixture) {
        assertEquals(List.of(), check(fixture));
    }

    @Test
    void refusesRuleWithoutClassAndMethod() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new StructureRule(
                StructureRule.FORBIDDEN_CALLS, Severity.WARN, 0, "Mlp.backward", List.of("forward"), ""));

        assertEquals("structure rule \"forbidden-calls\": \"method\" must be written as fully.qualified.Class#method,"
                + " was \"Mlp.backward\"", error.getMessage());
    }

    private static List<Finding> check(String fixture) {
        return CHECKER.check(List.of(RULE),
                List.of(StructureFixtures.source("backprop/mlp/Mlp.java", "forbidden-calls/" + fixture)));
    }
}
