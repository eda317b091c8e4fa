package dev.gradecheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import dev.gradecheck.submission.Fixtures;
import dev.gradecheck.submission.StudentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExerciseCompilerTests {

    private static final String MLP = "backprop/mlp/Mlp.java";
    private static final String CHAIN_RULE = "backprop/chainrule/ChainRule.java";
    private static final ExerciseCompiler COMPILER = ExerciseCompiler.create();

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path provided;

    @BeforeAll
    static void compileProvidedCode() {
        provided = shared.resolve("provided");
        StudentSource matrix = Fixtures.studentSource("backprop/linalg/Matrix.java", "Matrix.java",
                "compile/provided/backprop/linalg/Matrix.java.txt");
        assertTrue(COMPILER.compile(List.of(matrix), List.of(), provided).success());
    }

    @Test
    void compilesIntoOutputFolder() {
        CompileResult result = compile("src/main/java/backprop/mlp/Mlp.java", "compile/Mlp.java.txt");

        assertEquals(new CompileResult(true, List.of()), result);
        assertTrue(Files.isRegularFile(temp.resolve("classes/backprop/mlp/Mlp.class")));
    }

    @Test
    void compilesFileRenamedByLms() {
        CompileResult result = compile("uploads/Mlp (1).java", "compile/Mlp.java.txt");

        assertTrue(result.success(), result.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CannotFindSymbol       | 8:16 | cannot find symbol: variable wieghts                   | Check the spelling",
        "IncompatibleTypes      | 6:28 | incompatible types: possible lossy conversion from double to int | The value's type does not fit",
        "MissingReturn          | 9:5  | missing return statement                               | Every path through a method",
        "SemicolonExpected      | 6:34 | ';' expected                                           | Something is missing just before",
        "PublicClassInWrongFile | 6:8  | class Network is public, should be declared in a file named Network.java | A public class must be in a file",
        "UnreportedException    | 6:9  | unreported exception java.lang.Exception; must be caught or declared to be thrown | Catch the checked exception"})
    void reportsErrorAtSubmittedPathWithHint(String fixture, String position, String message, String hint) {
        CompileResult result = compile("work/Mlp.java", "compile/errors/" + fixture + ".java.txt");

        assertFalse(result.success());
        Finding finding = result.findings().get(0);
        String[] lineColumn = position.split(":");
        assertEquals(new Location("work/Mlp.java", Integer.parseInt(lineColumn[0]), Integer.parseInt(lineColumn[1])),
                finding.location());
        assertEquals("compile", finding.rule());
        assertEquals(Severity.ZERO, finding.severity());
        assertEquals(message, finding.message());
        assertTrue(finding.hint().startsWith(hint), finding.hint());
        assertFalse(Files.exists(temp.resolve("classes/backprop/mlp/Mlp.class")));
    }

    @Test
    void capsFindingsAndSaysHowManyMore() {
        CompileResult result = compile("Mlp.java", "compile/errors/ManyErrors.java.txt");

        assertEquals(CompileFindings.MAX_FINDINGS + 1, result.findings().size());
        assertEquals(new Location("Mlp.java", 6, 21), result.findings().get(0).location());
        assertEquals("and 10 more compile errors not shown", result.findings().get(CompileFindings.MAX_FINDINGS).message());
    }

    @Test
    void compilesExercisesConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CompileResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path output = temp.resolve("classes-" + i);
                String fixture = i % 2 == 0 ? "compile/Mlp.java.txt" : "compile/errors/MissingReturn.java.txt";
                results.add(pool.submit(() -> COMPILER.compile(List.of(Fixtures.studentSource(MLP, "Mlp.java", fixture)),
                        List.of(provided), output)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0, results.get(i).get().success());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void survivesDeeplyNestedCode() {
        String text = "package backprop.mlp;\npublic final class Mlp {\n  int f() { return " + "(".repeat(3_000) + "1"
                + ")".repeat(3_000) + "; }\n}\n";
        StudentSource source = new StudentSource(MLP, "Mlp.java", text, "0".repeat(64));

        CompileResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> COMPILER.compile(List.of(source), List.of(provided), temp.resolve("classes")));

        assertTrue(result.success() || !result.findings().isEmpty(), result.toString());
    }

    @Test
    void compilesExercisesTogetherEachIntoItsOwnFolder() {
        Map<String, List<StudentSource>> sources = Map.of(
                "mlp", List.of(Fixtures.studentSource(MLP, "Mlp.java", "compile/Mlp.java.txt")),
                "chain-rule", List.of(source(CHAIN_RULE, "package backprop.chainrule;\npublic final class ChainRule {\n"
                        + "  public double twice(double x) { Runnable r = new Runnable() { public void run() { } }; return 2 * x; }\n"
                        + "  record Pair(double a, double b) { }\n}\n")));

        assertTrue(COMPILER.compileTogether(sources, List.of(provided), folders()));
        assertEquals(List.of("backprop/mlp/Mlp.class"), classFiles(temp.resolve("mlp")));
        assertEquals(List.of("backprop/chainrule/ChainRule$1.class", "backprop/chainrule/ChainRule$Pair.class",
                "backprop/chainrule/ChainRule.class"), classFiles(temp.resolve("chain-rule")));
    }

    /**
     * Whatever makes one run differ from compiling apart (a finding, or code that compiles only beside another
     * exercise's sources): the caller then compiles apart, into folders left empty.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a compile error          | ''                         | public double twice(double x) { return 2 * y; }",
        "naming the other's class | ''                         | public double first(backprop.mlp.Mlp m) { return 1; }",
        "an import of it          | import backprop.mlp.Mlp;   | public double one() { return 1; }",
        "a static import          | import static backprop.mlp.Mlp.TWO; | public double one() { return 1; }",
        "reading its constant     | ''                         | public double twice(double x) { return x * backprop.mlp.Mlp.TWO; }",
        "a method reference       | ''                         | public Object make() { return (java.util.function.Supplier<Object>) backprop.mlp.Mlp::new; }"})
    void refusesToCompileTogetherWhatApartWouldNot(String what, String imports, String member) {
        String mlp = "package backprop.mlp;\npublic final class Mlp {\n  public static final double TWO = 2;\n}\n";
        String chainRule = "package backprop.chainrule;\n" + imports + "\npublic final class ChainRule {\n  " + member
                + "\n}\n";
        Map<String, List<StudentSource>> sources = Map.of("mlp", List.of(source(MLP, mlp)),
                "chain-rule", List.of(source(CHAIN_RULE, chainRule)));

        assertFalse(COMPILER.compileTogether(sources, List.of(provided), folders()), what);
        assertEquals(List.of(), classFiles(temp.resolve("mlp")), what);
        assertEquals(List.of(), classFiles(temp.resolve("chain-rule")), what);
        CompileResult apart = COMPILER.compile(sources.get("chain-rule"), List.of(provided), temp.resolve("apart"));
        assertFalse(apart.success() && apart.findings().isEmpty(), what + ": " + apart);
    }

    /** What compiles apart without a finding, a javac note (unchecked) or a mere mention of the other's class. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a note of javac's  | public java.util.List<String> names(Object o) { return (java.util.List<String>) o; }",
        "a comment, a text  | /** Unlike backprop.mlp.Mlp. */ String mlp = \"backprop.mlp.Mlp\";",
        "its own Mlp        | static final class Mlp { } Mlp mine = new Mlp();"})
    void compilesTogetherWhatApartAlsoCompilesCleanly(String what, String member) {
        Map<String, List<StudentSource>> sources = Map.of(
                "mlp", List.of(Fixtures.studentSource(MLP, "Mlp.java", "compile/Mlp.java.txt")),
                "chain-rule", List.of(source(CHAIN_RULE, "package backprop.chainrule;\npublic final class ChainRule {\n  "
                        + member + "\n}\n")));
        CompileResult apart = COMPILER.compile(sources.get("chain-rule"), List.of(provided), temp.resolve("apart"));

        boolean together = COMPILER.compileTogether(sources, List.of(provided), folders());

        assertEquals(new CompileResult(true, List.of()), apart, what);
        assertTrue(together, what);
        assertEquals(classFiles(temp.resolve("apart")), classFiles(temp.resolve("chain-rule")), what);
    }

    /** A helper class each exercise declares for itself: apart both compile, together they would clash. */
    @Test
    void compilesApartWhenTwoExercisesDeclareTheSameHelper() {
        String helper = "\nfinal class Helper {\n  static double two() { return 2; }\n}\n";
        Map<String, List<StudentSource>> sources = Map.of(
                "mlp", List.of(source(MLP, "package backprop.mlp;\npublic final class Mlp { }\n"),
                        source("backprop/mlp/Helper.java", "package backprop.mlp;" + helper)),
                "chain-rule", List.of(source(CHAIN_RULE, "package backprop.chainrule;\npublic final class ChainRule { }\n"),
                        source("backprop/chainrule/Helper.java", "package backprop.mlp;" + helper)));

        assertFalse(COMPILER.compileTogether(sources, List.of(provided), folders()));
        sources.forEach((exercise, files) -> assertEquals(new CompileResult(true, List.of()),
                COMPILER.compile(files, List.of(provided), temp.resolve("apart-" + exercise)), exercise));
    }

    @Test
    void survivesDeeplyNestedCodeCompiledTogether() {
        String text = "package backprop.mlp;\npublic final class Mlp {\n  int f() { return " + "(".repeat(3_000) + "1"
                + ")".repeat(3_000) + "; }\n}\n";
        Map<String, List<StudentSource>> sources = Map.of("mlp", List.of(source(MLP, text)),
                "chain-rule", List.of(source(CHAIN_RULE, "package backprop.chainrule;\npublic final class ChainRule { }\n")));

        boolean together = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> COMPILER.compileTogether(sources, List.of(provided), folders()));

        assertEquals(together, Files.isRegularFile(temp.resolve("mlp/backprop/mlp/Mlp.class")));
    }

    private Map<String, Path> folders() {
        return Map.of("mlp", temp.resolve("mlp"), "chain-rule", temp.resolve("chain-rule"));
    }

    private static StudentSource source(String declaredPath, String text) {
        return new StudentSource(declaredPath, declaredPath, text, "0".repeat(64));
    }

    private static List<String> classFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompileResult compile(String submissionPath, String fixture) {
        StudentSource source = Fixtures.studentSource(MLP, submissionPath, fixture);
        return COMPILER.compile(List.of(source), List.of(provided), temp.resolve("classes"));
    }
}
