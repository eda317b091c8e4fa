package dev.gradecheck.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Not a test of the grader (its name keeps test scanners away): a stand-in for hidden tests that the sandbox runs once, in a training child, to record
 * which classes a child JVM loads (plain, parameterized and failing tests, report entries, output), so they can go
 * into the class-data archive that makes later children start faster. The child loads it like any course class.
 */
class WarmUpCases {

    @Test
    void passes(TestReporter reporter) {
        reporter.publishEntry("gradecheck.credit", "1");
        System.out.println("output");
        assertEquals(2, 1 + 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int n) {
        assertTrue(n > 0);
    }

    @Test
    void fails() {
        assertEquals(1, 2, "a failing check");
    }
}
