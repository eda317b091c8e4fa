package dev.gradecheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FindingTests {

    private static final Location WHERE = Location.of("src/main/java/backprop/mlp/Mlp.java");

    @Test
    void aFindingLetsTheTestsRunUnlessItsStageSaysOtherwise() {
        assertFalse(Finding.zero("bytecode", WHERE, "calls java.lang.System.exit — x", "").blocksTests());
    }

    @Test
    void onlyAFindingOfSeverityZeroBlocksTheTests() {
        Finding zero = Finding.zero("forbidden-api", WHERE, "calls java.lang.System.exit — x", "");
        Finding warning = Finding.warn("forbidden-api", WHERE, "calls java.lang.System.exit — x", "");

        assertTrue(zero.blockingTestsIfZero().blocksTests());
        assertSame(warning, warning.blockingTestsIfZero());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Finding("forbidden-api", Severity.DEDUCT, 2, WHERE, "calls java.lang.System.exit — x", "", true));
        assertEquals("only a finding of severity zero may block the tests, was DEDUCT for forbidden-api",
                refused.getMessage());
    }
}
