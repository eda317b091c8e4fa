package dev.gradecheck.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.compile.CompileResult;
import dev.gradecheck.compile.ExerciseCompiler;
import dev.gradecheck.policy.ApiPattern;
import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ForbiddenApi;
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
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

class BytecodeScannerTests {

    private static final Map<String, ApiFamily> FAMILIES = Map.of(
            "reflection", ForbiddenApi.REFLECTION, "exit", ForbiddenApi.EXIT, "process", ForbiddenApi.PROCESS,
            "threads", ForbiddenApi.THREADS, "io", ForbiddenApi.IO, "system", ForbiddenApi.SYSTEM,
            "native", ForbiddenApi.NATIVE, "internal", ForbiddenApi.INTERNAL,
            "class-loading", ForbiddenApi.CLASS_LOADING, "not-allowed", ForbiddenApi.NOT_ALLOWED);

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
        "UnsafeAccess,               internal,   loads the class sun.misc.Unsafe",
        "BeansExpressionForging,     reflection, creates java.beans.Expression",
        "XsltExtensionFunction,      not-allowed, calls javax.xml.transform.TransformerFactory.newInstance",
        "SubmissionPublisherThreads, threads,    creates java.util.concurrent.SubmissionPublisher",
        "MethodHandlesLookup,        reflection, calls java.lang.invoke.MethodHandles.lookup",
        "LoggerNamedInNoList,        not-allowed, calls java.util.logging.Logger.getLogger",
        "ScriptEngine,               class-loading, creates javax.script.ScriptEngineManager",
        "SystemProperty,             not-allowed, calls java.lang.System.getProperty",
        "InheritedParallelStream,    threads,    calls java.util.ArrayList.parallelStream",
        "InheritedWait,              threads,    calls java.lang.Object.wait",
        "Finalizer,                  threads,    'declares finalize(), which the JVM runs on its own finalizer thread'",
        "FormatterOnFile,            io,         creates java.util.Formatter"})
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
    void everyRefusalBlocksTheTests() {
        assertTrue(!flagged.isEmpty() && flagged.stream().allMatch(Finding::blocksTests), flagged.toString());
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

    @Test
    void refusesAnInvokedynamicWithABootstrapOfItsOwn() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("own-bootstrap"));
        Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, "backprop/mlp/Forged", "boot", BOOTSTRAP, false);
        handMade(classes, code -> code.visitInvokeDynamicInsn("run", "()V", bootstrap));

        assertEquals(List.of("Forged.java:7: bootstraps invokedynamic with backprop.mlp.Forged.boot — "
                + ForbiddenApi.REFLECTION.description()), messages(classes));
    }

    @Test
    void refusesADynamicConstantWithAJdkBootstrapNotOnTheList() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("condy"));
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;"
                        + "[Ljava/lang/Object;)Ljava/lang/Object;", false);
        Handle getRuntime = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Runtime", "getRuntime",
                "()Ljava/lang/Runtime;", false);
        handMade(classes, code -> code.visitLdcInsn(new ConstantDynamic("runtime", "Ljava/lang/Object;", invoke, getRuntime)));

        List<String> messages = messages(classes);
        assertTrue(messages.contains("Forged.java:7: bootstraps invokedynamic with java.lang.invoke.ConstantBootstraps.invoke"
                + " — " + ForbiddenApi.REFLECTION.description()), messages.toString());
        assertTrue(messages.contains("Forged.java:7: refers to java.lang.Runtime.getRuntime — "
                + ForbiddenApi.EXIT.description()), messages.toString());
    }

    @Test
    void refusesAMethodHandleConstantToAForbiddenMethod() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("handle"));
        Handle exit = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        handMade(classes, code -> code.visitLdcInsn(exit));

        assertEquals(List.of("Forged.java:7: refers to java.lang.System.exit — " + ForbiddenApi.EXIT.description()),
                messages(classes));
    }

    @Test
    void refusesAMethodTypeConstantNamingARefusedType() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("method-type"));
        handMade(classes, code -> code.visitLdcInsn(Type.getMethodType("(Ljava/util/prefs/Preferences;)V")));

        assertEquals(List.of("Forged.java:7: uses java.util.prefs.Preferences — " + ForbiddenApi.IO.description()),
                messages(classes));
    }

    @Test
    void allowsAHandMadeClassThatUsesOnlyAllowedApis() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("allowed"));
        Handle abs = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
        handMade(classes, code -> code.visitLdcInsn(abs));

        assertEquals(List.of(), messages(classes));
    }

    @Test
    void admitsWhatTheExerciseAllowsAndTheCoursesProvidedClasses() throws IOException {
        Path classes = temp.resolve("flagged");
        ApiPolicy widened = ApiPolicy.standard().widenedBy(List.of(ApiPattern.parse("java.util.logging.*"),
                ApiPattern.parse("java.lang.System#getProperty")));

        List<Finding> findings = BytecodeScanner.create().scan(classes, sourceFiles("flagged"), widened, List.of());

        assertTrue(findings.stream().noneMatch(finding -> finding.location().file().equals(pathOf("LoggerNamedInNoList"))
                || finding.location().file().equals(pathOf("SystemProperty"))), findings.toString());
        assertTrue(findings.stream().anyMatch(finding -> finding.location().file().equals(pathOf("RuntimeHalt"))));
    }

    /** Writes {@code backprop/mlp/Forged.class}: one static method whose line 7 holds {@code code}. */
    private static void handMade(Path classes, java.util.function.Consumer<MethodVisitor> code) throws IOException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "backprop/mlp/Forged", null, "java/lang/Object", null);
        writer.visitSource("Forged.java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        code.accept(method);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        Files.createDirectories(classes.resolve("backprop/mlp"));
        Files.write(classes.resolve("backprop/mlp/Forged.class"), writer.toByteArray());
    }

    private static List<String> messages(Path classes) {
        return BytecodeScanner.create().scan(classes, Map.of("backprop.mlp.Forged", "src/main/java/backprop/mlp/Forged.java"))
                .stream().map(Finding::message).toList();
    }

    private static final String BOOTSTRAP = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";

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
