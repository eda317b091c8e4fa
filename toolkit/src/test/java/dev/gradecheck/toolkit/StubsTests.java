package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

class StubsTests {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final TestReporter reporter = entries::add;

    @Test
    void recognisesOnlyTheTemplatesTodoStub() {
        assertEquals(Optional.of("TODO: implement Value.sigmoid"),
                Stubs.stubMessage(new UnsupportedOperationException("TODO: implement Value.sigmoid")));
        assertEquals(Optional.empty(), Stubs.stubMessage(new UnsupportedOperationException("read-only")));
        assertEquals(Optional.empty(), Stubs.stubMessage(new IllegalStateException("TODO")));
        assertEquals(Optional.empty(), Stubs.stubMessage(new UnsupportedOperationException()));
    }

    @Test
    void aStubbedPrerequisiteFailsTheTestNamingTheStubNotTheBehaviour() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> Stubs.require(reporter,
                "sigmoid", "retain-graph semantics", () -> {
                    throw new UnsupportedOperationException("TODO: implement Value.sigmoid");
                }));

        String expected = "this test needs `sigmoid`, still a stub (TODO: implement Value.sigmoid): implement it "
                + "first. The test checks retain-graph semantics, not `sigmoid`; it runs once `sigmoid` works.";
        assertEquals(expected, failure.getMessage());
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).get(Verdicts.DIAGNOSIS_KEY).contains("\"code\":\"not-implemented\""));
    }

    @Test
    void anImplementedOrMerelyBuggyPrerequisiteLetsTheTestGoOn() {
        assertDoesNotThrow(() -> Stubs.require(reporter, "mul", "accumulation", () -> { }));
        assertDoesNotThrow(() -> Stubs.require(reporter, "log", "accumulation", () -> {
            throw new ArithmeticException("bug");
        }));
        assertEquals(List.of(), entries);
    }
}
