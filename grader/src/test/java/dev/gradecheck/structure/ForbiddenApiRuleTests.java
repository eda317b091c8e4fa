package dev.gradecheck.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.submission.StudentSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForbiddenApiRuleTests {

    private static final Map<String, ApiFamily> FAMILIES = Map.of("reflection", ForbiddenApi.REFLECTION,
            "class-loading", ForbiddenApi.CLASS_LOADING, "exit", ForbiddenApi.EXIT, "process", ForbiddenApi.PROCESS,
            "threads", ForbiddenApi.THREADS, "io", ForbiddenApi.IO, "system", ForbiddenApi.SYSTEM,
            "native", ForbiddenApi.NATIVE, "internal", ForbiddenApi.INTERNAL, "test-framework", ForbiddenApi.TEST_FRAMEWORK);
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
        "GraderInternals,        test-framework", "ClassNameInString, exit"})
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
