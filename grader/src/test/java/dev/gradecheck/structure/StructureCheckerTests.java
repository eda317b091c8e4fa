package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import dev.gradecheck.submission.Fixtures;
import dev.gradecheck.submission.StudentSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureCheckerTests {

    private static final List<StructureRule> ALL_RULES = List.of(
            StructureRule.of(StructureRule.REQUIRED_API, Severity.ZERO),
            new StructureRule(StructureRule.FORBIDDEN_CALLS, Severity.DEDUCT, 3, "backprop.mlp.Mlp#backward",
                    List.of("forward"), ""),
            StructureRule.of(StructureRule.FORBIDDEN_API, Severity.ZERO));
    private static final StructureChecker CHECKER = StructureChecker.create(StructureFixtures.STUBS);

    @Test
    void warnsOnceForSourceWithSyntaxError() {
        StudentSource source = Fixtures.studentSource("backprop/mlp/Mlp.java", "Mlp.java",
                "submission/syntax-error/Mlp.java.txt");

        List<Finding> findings = CHECKER.check(ALL_RULES, List.of(source));

        assertEquals(1, findings.size(), findings.toString());
        Finding warning = findings.get(0);
        assertEquals(Severity.WARN, warning.severity());
        assertEquals("unreadable-source", warning.rule());
        assertEquals(new Location("Mlp.java", 6, 16), warning.location());
        assertTrue(warning.message().startsWith("Mlp.java:6:16: the structure rules were not checked because of a syntax"
                + " error: "), warning.message());
    }

    @Test
    void checksDeeplyNestedCodeInBoundedTime() {
        String text = "package backprop.mlp;\nclass Mlp {\n  double f() { System.exit(" + "(".repeat(10_000) + "1"
                + ")".repeat(10_000) + "); return 0; }\n}\n";
        StudentSource source = new StudentSource("backprop/other/Deep.java", "Mlp.java", text, "0".repeat(64));

        List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CHECKER.check(List.of(StructureRule.of(StructureRule.FORBIDDEN_API, Severity.ZERO)), List.of(source)));

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("calls java.lang.System.exit")
                || findings.get(0).rule().equals("unreadable-source"), findings.toString());
    }

    @Test
    void capsFindingsPerRuleAndKeepsTheDeduction() {
        StringBuilder text = new StringBuilder("package backprop.mlp;\nclass Mlp {\n  void f() {\n");
        for (int i = 0; i < 30; i++) {
            text.append("    System.exit(").append(i).append(");\n");
        }
        text.append("  }\n}\n");
        StructureRule deduct = new StructureRule(StructureRule.FORBIDDEN_API, Severity.DEDUCT, 1, "", List.of(), "");
        StudentSource source = new StudentSource("backprop/other/Exits.java", "Exits.java", text.toString(), "0".repeat(64));

        List<Finding> findings = CHECKER.check(List.of(deduct), List.of(source));

        assertEquals(StructureChecker.MAX_FINDINGS_PER_RULE + 1, findings.size());
        Finding more = findings.get(findings.size() - 1);
        assertEquals("and 10 more forbidden-api findings not shown", more.message());
        assertEquals(10, more.points());
    }

    @Test
    void everyRefusalAtSeverityZeroBlocksTheTestsUpToTheCapsSummary() {
        StringBuilder text = new StringBuilder("package backprop.mlp;\nclass Mlp {\n  void f() {\n");
        for (int i = 0; i < 30; i++) {
            text.append("    System.exit(").append(i).append(");\n");
        }
        text.append("  }\n}\n");
        StudentSource source = new StudentSource("backprop/other/Exits.java", "Exits.java", text.toString(), "0".repeat(64));

        List<Finding> findings = CHECKER.check(List.of(StructureRule.of(StructureRule.FORBIDDEN_API, Severity.ZERO)),
                List.of(source));

        assertEquals(StructureChecker.MAX_FINDINGS_PER_RULE + 1, findings.size());
        assertTrue(findings.stream().allMatch(Finding::blocksTests), findings.toString());
    }

    @Test
    void findingsOfTheOtherRulesNeverBlockTheTests() {
        List<StudentSource> sources = List.of(
                StructureFixtures.source("backprop/mlp/Mlp.java", "forbidden-calls/CallsForwardTwice"),
                StructureFixtures.source("backprop/gradcheck/GradientCheck.java", "required-api/NotStatic"));

        List<Finding> findings = CHECKER.check(ALL_RULES, sources);

        assertTrue(findings.stream().anyMatch(finding -> finding.rule().equals(StructureRule.REQUIRED_API)
                && finding.severity() == Severity.ZERO), findings.toString());
        assertTrue(findings.stream().noneMatch(Finding::blocksTests), findings.toString());
    }

    @Test
    void givesEqualResultsEveryTime() {
        List<StudentSource> sources = List.of(
                StructureFixtures.source("backprop/mlp/Mlp.java", "forbidden-calls/CallsForwardTwice"),
                StructureFixtures.source("backprop/gradcheck/GradientCheck.java", "required-api/NotStatic"));

        List<Finding> first = CHECKER.check(ALL_RULES, sources);

        assertEquals(first, CHECKER.check(ALL_RULES, List.of(sources.get(1), sources.get(0))));
        assertTrue(first.stream().anyMatch(finding -> finding.rule().equals("forbidden-calls")), first.toString());
    }

    @Test
    void refusesUnknownRule() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StructureRule.of("no-such-rule", Severity.WARN));

        assertEquals("unknown structure rule \"no-such-rule\" — known rules: forbidden-api, forbidden-calls, required-api",
                error.getMessage());
    }
}
