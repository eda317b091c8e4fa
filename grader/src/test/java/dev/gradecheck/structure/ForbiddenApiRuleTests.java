package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ApiPattern;
import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ForbiddenApi;
import dev.gradecheck.submission.StudentSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForbiddenApiRuleTests {

    private static final Map<String, ApiFamily> FAMILIES = Map.ofEntries(Map.entry("reflection", ForbiddenApi.REFLECTION),
            Map.entry("class-loading", ForbiddenApi.CLASS_LOADING), Map.entry("exit", ForbiddenApi.EXIT),
            Map.entry("process", ForbiddenApi.PROCESS), Map.entry("threads", ForbiddenApi.THREADS),
            Map.entry("io", ForbiddenApi.IO), Map.entry("system", ForbiddenApi.SYSTEM), Map.entry("native", ForbiddenApi.NATIVE),
            Map.entry("internal", ForbiddenApi.INTERNAL), Map.entry("test-framework", ForbiddenApi.TEST_FRAMEWORK),
            Map.entry("not-allowed", ForbiddenApi.NOT_ALLOWED));
    private static final StructureRule RULE = StructureRule.of(StructureRule.FORBIDDEN_API, Severity.ZERO);
    private static final StructureChecker CHECKER = StructureChecker.create(ApiCatalog.empty());

    @ParameterizedTest
    @CsvSource({
        "ReflectionImport,       reflection", "ClassForName,          reflection", "SetAccessible,     reflection",
        "DeclaredFields,         reflection", "MethodHandles,         reflection", "SystemClassLoader, class-loading",
        "SystemExitQualified,    exit",       "SystemExitStaticImport, exit",      "RuntimeHalt,       exit",
        "RuntimeExec,            process",    "ProcessBuilderStart,   process",    "ThreadStart,       threads",
        "ThreadSleep,            threads",    "Executors,             threads",    "CompletableFutureAsync, threads",
        "ParallelStream,         threads",    "FileWriter,            io",         "FileWildcardImport, io",
        "NioFiles,               io",         "Socket,                io",         "PrintWriterOnFile, io",
        "SetOut,                 system",     "Getenv,                system",     "Unsafe,            internal",
        "NativeMethod,           native",     "JUnitAssertions,       test-framework",
        "GraderInternals,        test-framework", "ClassNameInString, exit",
        "BeansExpression,        reflection", "SystemGetProperty,     not-allowed", "NamedInNoList,     not-allowed",
        "SystemInField,          not-allowed"})
    void reportsEachFamilyAtItsLine(String fixture, String family) {
        List<Finding> findings = check("forbidden-api/" + fixture);

        int line = StructureFixtures.markedLine("forbidden-api/" + fixture, "// forbidden");
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(line, finding.location().line(), finding.toString());
        assertTrue(finding.message().startsWith("Mlp.java:" + line + ":"), finding.message());
        assertTrue(finding.message().endsWith(" — " + FAMILIES.get(family).description()), finding.message());
        assertEquals(FAMILIES.get(family).hint(), finding.hint());
        assertEquals(Severity.ZERO, finding.severity());
    }

    @Test
    void aRefusalAtSeverityZeroBlocksTheTests() {
        List<Finding> findings = check("forbidden-api/SystemExitQualified");

        assertTrue(findings.get(0).blocksTests(), findings.toString());
    }

    @Test
    void aRefusalTheManifestOnlyWarnsAboutLetsTheTestsRun() {
        List<Finding> findings = CHECKER.check(List.of(StructureRule.of(StructureRule.FORBIDDEN_API, Severity.WARN)),
                List.of(StructureFixtures.source("backprop/mlp/Mlp.java", "forbidden-api/SystemExitQualified")));

        assertEquals(Severity.WARN, findings.get(0).severity());
        assertFalse(findings.get(0).blocksTests(), findings.toString());
    }

    @Test
    void namesTheFullyQualifiedCall() {
        List<Finding> findings = check("forbidden-api/SystemExitQualified");

        assertEquals("Mlp.java:6:9: calls java.lang.System.exit — " + ForbiddenApi.EXIT.description(),
                findings.get(0).message());
    }

    @Test
    void allowsOrdinaryCodeAndOwnTypesNamedLikeJdkOnes() {
        assertEquals(List.of(), check("forbidden-api/Clean"));
    }

    @Test
    void namesTheMemberNoListAllows() {
        List<Finding> findings = check("forbidden-api/SystemGetProperty");

        assertEquals("Mlp.java:6:16: calls java.lang.System.getProperty — not among the APIs this exercise allows",
                findings.get(0).message());
    }

    @Test
    void admitsWhatTheExerciseAllows() {
        ApiPolicy widened = ApiPolicy.standard().widenedBy(List.of(ApiPattern.parse("java.util.logging.*"),
                ApiPattern.parse("java.lang.System#getProperty")));

        for (String fixture : List.of("forbidden-api/NamedInNoList", "forbidden-api/SystemGetProperty")) {
            assertEquals(List.of(), CHECKER.check(List.of(RULE),
                    List.of(StructureFixtures.source("backprop/mlp/Mlp.java", fixture)), widened), fixture);
        }
    }

    @Test
    void judgesCodeThatDoesNotCompile() {
        StudentSource source = new StudentSource("backprop/mlp/Mlp.java", "Mlp.java",
                "package backprop.mlp;\nclass Mlp {\n  int f() { int x = \"text\"; Runtime.getRuntime().halt(1); return y; }\n}\n",
                "0".repeat(64));

        List<Finding> findings = CHECKER.check(List.of(RULE), List.of(source));

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("calls java.lang.Runtime.halt"), findings.toString());
    }

    private static List<Finding> check(String fixture) {
        return CHECKER.check(List.of(RULE), List.of(StructureFixtures.source("backprop/mlp/Mlp.java", fixture)));
    }
}
