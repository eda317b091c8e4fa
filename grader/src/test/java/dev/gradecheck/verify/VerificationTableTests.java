package dev.gradecheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class VerificationTableTests {

    private static final VerificationRow SOLUTIONS = new VerificationRow("chain-rule", "solutions", Variant.SOLUTIONS,
            OptionalDouble.of(10), 10, "", List.of(), List.of());
    private static final VerificationRow TEMPLATE = new VerificationRow("chain-rule", "template", Variant.TEMPLATE,
            OptionalDouble.of(0), 10, "", List.of(), List.of());
    private static final VerificationRow CAUGHT = new VerificationRow("chain-rule", "sign-flipped", Variant.KNOWN_BUG,
            OptionalDouble.of(7.5), 10, "sign-flipped", List.of("sign-flipped", "wrong-values"), List.of());
    private static final VerificationRow MISSED = new VerificationRow("chain-rule", "factor-2", Variant.KNOWN_BUG,
            OptionalDouble.empty(), 10, "factor-2", List.of(), List.of("a.java cannot be parsed", "second problem"));

    @Test
    void printsOneAlignedLinePerRowAndASummary() {
        String table = VerificationTable.render(new VerificationReport(List.of(SOLUTIONS, TEMPLATE, CAUGHT), 3));

        assertEquals("""
                exercise    variant       score     expected      found                       verdict
                chain-rule  solutions     10 / 10   -             -                           ok
                chain-rule  template      0 / 10    -             -                           ok
                chain-rule  sign-flipped  7.5 / 10  sign-flipped  sign-flipped, wrong-values  ok
                All 3 rows ok (3 gradings).
                """, table);
    }

    @Test
    void namesEveryRowThatFellShortWithAllItsProblems() {
        String table = VerificationTable.render(new VerificationReport(List.of(SOLUTIONS, MISSED), 1));

        assertEquals("""
                exercise    variant    score    expected  found  verdict
                chain-rule  solutions  10 / 10  -         -      ok
                chain-rule  factor-2   - / 10   factor-2  -      FAIL: a.java cannot be parsed; second problem
                FAIL: 1 of 2 rows fall short: chain-rule/factor-2.
                """, table);
    }
}
