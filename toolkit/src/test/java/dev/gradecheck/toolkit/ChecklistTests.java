package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

class ChecklistTests {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final TestReporter reporter = entries::add;

    private static TensorCheck right(String name) {
        return Gradients.check(name, new double[][] {{2.0}}, new double[][] {{2.0}});
    }

    private static TensorCheck stub() {
        throw new UnsupportedOperationException("TODO: implement Value.pow");
    }

    private List<String> credits() {
        return entries.stream().filter(e -> e.containsKey(Verdicts.CREDIT_KEY)).map(e -> e.get(Verdicts.CREDIT_KEY))
                .toList();
    }

    private List<String> diagnoses() {
        return entries.stream().filter(e -> e.containsKey(Verdicts.DIAGNOSIS_KEY))
                .map(e -> e.get(Verdicts.DIAGNOSIS_KEY)).toList();
    }

    @Test
    void publishesTheCreditSoFarAfterEveryCheckOverTheDeclaredCount() {
        Checklist checks = Checklist.of(reporter, 4);
        checks.check("a", () -> right("a"));
        checks.check("b", () -> right("b"));
        checks.check("c", ChecklistTests::stub);

        assertEquals(List.of("0.25", "0.5", "0.5"), credits(), "the credit of done checks is on record at once");
        checks.check("d", () -> right("d"));
        assertThrows(AssertionFailedError.class, checks::finish);
        assertEquals("0.75", credits().get(credits().size() - 1));
    }

    @Test
    void aStubInOneCheckCostsOnlyThatCheckAndIsNamed() {
        Checklist checks = Checklist.of(reporter, 2);
        checks.check("d(x.pow(2.0))/dx", ChecklistTests::stub);
        checks.check("d(x.add(y))/dx", () -> right("d(x.add(y))/dx"));

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, checks::finish);

        assertEquals("0.5", checks.credit());
        assertTrue(diagnoses().get(0).contains("\"code\":\"not-implemented\""), diagnoses().get(0));
        assertTrue(failure.getMessage().startsWith("d(x.pow(2.0))/dx: relative error n/a (WRONG) — d(x.pow(2.0))/dx "
                + "needs code that is still a stub (TODO: implement Value.pow): implement it first."),
                failure.getMessage());
        assertTrue(diagnoses().get(1).contains("\"code\":\"wrong-tensors\""), "the summary comes last");
    }

    @Test
    void anExceptionInOneCheckBecomesAFailedCheckNamingTheStudentsFrame() {
        Checklist checks = Checklist.of(reporter, 2);
        checks.check("x.log()", () -> {
            throw new ArithmeticException("/ by zero");
        });
        checks.check("overflow", () -> {
            throw new StackOverflowError();
        });

        assertEquals(List.of("threw-exception"), checks.verdicts().get(0).codes());
        assertTrue(checks.verdicts().get(0).diagnoses().get(0).text().startsWith(
                "x.log() threw ArithmeticException(\"/ by zero\") — only this check is lost"),
                checks.verdicts().get(0).diagnoses().get(0).text());
        assertEquals("0", checks.credit());
        assertThrows(AssertionFailedError.class, checks::finish);
    }

    @Test
    void passesQuietlyWhenEveryCheckPasses() {
        Checklist checks = Checklist.of(reporter, 1);
        checks.add(right("a"));

        assertDoesNotThrow(checks::finish);

        assertEquals(List.of(Map.of(Verdicts.CREDIT_KEY, "1")), entries);
    }

    @Test
    void refusesMoreOrFewerChecksThanDeclared() {
        Checklist checks = Checklist.of(reporter, 1);
        checks.add(right("a"));
        assertThrows(IllegalStateException.class, () -> checks.add(right("b")));
        assertThrows(IllegalStateException.class, Checklist.of(reporter, 2)::finish);
        assertThrows(IllegalArgumentException.class, () -> Checklist.of(reporter, 0));
    }
}
