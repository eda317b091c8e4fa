package dev.gradecheck.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.compile.CompileResult;
import dev.gradecheck.compile.ExerciseCompiler;
import dev.gradecheck.structure.ApiFamily;
import dev.gradecheck.structure.ForbiddenApi;
import dev.gradecheck.submission.Fixtures;
import dev.gradecheck.submission.StudentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BytecodeScannerTests {

    private static final Map<String, ApiFamily> FAMILIES = Map.of(
            "reflection", ForbiddenApi.REFLECTION, "exit", ForbiddenApi.EXIT, "process", ForbiddenApi.PROCESS,
            "threads", ForbiddenApi.THREADS, "io", ForbiddenApi.IO, "system", ForbiddenApi.SYSTEM,
            "native", ForbiddenApi.NATIVE, "internal", ForbiddenApi.INTERNAL);

    @TempDir
    static Path temp;

    private static List<Finding> flagged;
    private static List<Finding> clean;

    @BeforeAll
    static void compileAndScanFixtures() {
        flagged = compileAndScan("flagged");
        clean = compileAndScan("clean");
    }

    @ParameterizedTest
    @CsvSource({
        "SystemExitQualified,        exit,       calls java.lang.System.exit",
        "ComputedClassName,          reflection, calls java.lang.Class.forName",
        "ReflectiveInvoke,           reflection, calls java.lang.Class.getMethod",
        "RuntimeHalt,                exit,       calls java.lang.Runtime.halt",
        "ThreadStart,                threads,    creates java.lang.Thread",
        "ProcessBuilderStart,        process,    creates java.lang.ProcessBuilder",
        "FileWriting,                io,         creates java.io.FileWriter",
        "NioFiles,                   io,         calls java.nio.file.Path.of",
        "PrintStreamOnFile,          io,         creates java.io.PrintStream",
        "RedirectOutput,             system,     calls java.lang.System.setOut",
        "ExitThroughMethodReference, exit,       refers to java.lang.System.exit",
        "ExitInStaticInitializer,    exit,       calls java.lang.System.exit",
        "NativeMethod,               native,     declares the native method fast",
        "ClassNameInString,          exit,       names java.lang.Runtime in a string",
        "ParallelStream,             threads,    calls java.util.List.parallelStream",
        "ExtendsThread,              threads,    extends java.lang.Thread",
        "ExecutorPool,               threads,    calls java.util.concurrent.Executors.newFixedThreadPool",
        "UnsafeAccess,               internal,   loads the class sun.misc.Unsafe"})
    void flagsForbiddenReferenceAtItsLine(String fixture, String family, String what) {
        String file = pathOf(fixture);
        int line = markedLine("bytecode/flagged/" + fixture + ".java.txt");

        List<Finding> findings = flagged.stream().filter(finding -> finding.location().file().equals(file)).toList();

        String expected = fixture + ".java:" + line + ": " + what + " — " + FAMILIES.get(family).description();
        assertTrue(findings.stream().anyMatch(finding -> finding.message().equals(expected)),
                "expected " + expected + " in " + findings);
        assertTrue(findings.stream().allMatch(finding -> finding.rule().equals("bytecode")
                && finding.severity() == Severity.ZERO), findings.toString());
    }

    @Test
    void givesTheFamilysHint() {
        Finding exit = flagged.stream().filter(finding -> finding.location().file().equals(pathOf("RuntimeHalt")))
                .findFirst().orElseThrow();

        assertEquals(ForbiddenApi.EXIT.hint(), exit.hint());
    }

    @ParameterizedTest
    @MethodSource("cleanFixtures")
    void allowsOrdinaryCode(String fixture) {
        List<Finding> findings = clean.stream().filter(finding -> finding.location().file().equals(pathOf(fixture))).toList();

        assertEquals(List.of(), findings);
    }

    @Test
    void findsNothingInMissingFolder() {
        assertEquals(List.of(), BytecodeScanner.create().scan(temp.resolve("nothing-here"), Map.of()));
    }

    @Test
    void scansTheSameWayEveryTime() {
        assertEquals(flagged, BytecodeScanner.create().scan(temp.resolve("flagged"), sourceFiles("flagged")));
    }

    static Stream<String> cleanFixtures() {
        return names("clean").stream();
    }

    private static List<Finding> compileAndScan(String folder) {
        List<StudentSource> sources = names(folder).stream()
                .map(name -> Fixtures.studentSource("backprop/mlp/" + name + ".java", pathOf(name),
                        "bytecode/" + folder + "/" + name + ".java.txt"))
                .toList();
        Path classes = temp.resolve(folder);
        CompileResult compiled = ExerciseCompiler.create().compile(sources, List.of(), classes);
        assertTrue(compiled.success(), compiled.toString());
        return BytecodeScanner.create().scan(classes, sourceFiles(folder));
    }

    private static Map<String, String> sourceFiles(String folder) {
        Map<String, String> files = new LinkedHashMap<>();
        names(folder).forEach(name -> files.put("backprop.mlp." + name, pathOf(name)));
        return files;
    }

    private static List<String> names(String folder) {
        try (Stream<Path> files = Files.list(Fixtures.resource("bytecode/" + folder))) {
            return files.map(file -> file.getFileName().toString().replace(".java.txt", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pathOf(String fixture) {
        return "src/main/java/backprop/mlp/" + fixture + ".java";
    }

    /** The 1-based line holding the comment {@code // forbidden}. */
    static int markedLine(String fixture) {
        List<String> lines = Fixtures.text(fixture).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// forbidden")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fixture + " has no line marked // forbidden");
    }
}
