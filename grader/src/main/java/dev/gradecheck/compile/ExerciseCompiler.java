package dev.gradecheck.compile;

import dev.gradecheck.api.Finding;
import dev.gradecheck.submission.StudentSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;

/**
 * Compiles one exercise's student sources in process with {@code javax.tools}: Java 17 ({@link #options}), annotation
 * processing off, no implicit compilation of other sources, UTF-8, no lint warnings. Sources come from memory under
 * their declared names; diagnostics point at the files as submitted.
 *
 * <p>javac runs on its own thread with a large stack and a time limit: a pathological source becomes a finding
 * instead of a {@link StackOverflowError} or a stalled grader. Thread-safe: the {@link JavaCompiler} is shared, every
 * call has its own file manager.
 */
@API(status = API.Status.INTERNAL)
public final class ExerciseCompiler {

    static final List<String> OPTIONS = options(Runtime.version().feature());
    static final long STACK_BYTES = 512L * 1024 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    private static final String NESTING_HINT = "Simplify very long expressions or deeply nested code: split them into"
            + " named local variables or loops.";

    private final JavaCompiler compiler;
    private final Map<String, String> courseHints;

    private ExerciseCompiler(JavaCompiler compiler, Map<String, String> courseHints) {
        this.compiler = compiler;
        this.courseHints = Map.copyOf(courseHints);
    }

    /**
     * javac's options on a JDK of this feature version. On JDK 17 itself, {@code -source 17 -target 17} compiles
     * against the same exported API as {@code --release 17} (same diagnostics, byte-identical classes) without opening
     * {@code ct.sym}, which costs about 0.2 s per grading; any other JDK needs {@code --release 17}.
     */
    static List<String> options(int runningFeature) {
        List<String> release = runningFeature == 17 ? List.of("-source", "17", "-target", "17") : List.of("--release", "17");
        List<String> options = new ArrayList<>(release);
        options.addAll(List.of("-proc:none", "-implicit:none", "-encoding", "UTF-8", "-Xlint:none"));
        return List.copyOf(options);
    }

    /**
     * A compiler backed by the running JDK's javac.
     *
     * @throws IllegalStateException if the grader runs on a JRE without the {@code jdk.compiler} module
     */
    public static ExerciseCompiler create() {
        return create(Map.of());
    }

    /**
     * A compiler backed by the running JDK's javac whose findings add a course's own hints, per javac diagnostic code
     * (from {@code course.json}), after the grader's generic ones.
     *
     * @throws IllegalStateException if the grader runs on a JRE without the {@code jdk.compiler} module
     */
    public static ExerciseCompiler create(Map<String, String> courseHints) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + ") — run the grader with a JDK 17 or later, not a JRE");
        }
        return new ExerciseCompiler(compiler, courseHints);
    }

    /**
     * Compiles {@code sources} into {@code outputDirectory} (created when needed) against {@code classpath}.
     *
     * @param sources the exercise's student files, at least one
     * @param classpath class folders and jars the sources compile against (the provided classes)
     * @return success and the errors as findings; never null, never throws for anything the sources contain
     * @throws IllegalArgumentException if {@code sources} is empty
     * @throws UncheckedIOException if {@code outputDirectory} cannot be created
     */
    public CompileResult compile(List<StudentSource> sources, List<Path> classpath, Path outputDirectory) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to compile: an exercise needs at least one source");
        }
        List<StudentSource> sorted = sources.stream().sorted(Comparator.comparing(StudentSource::declaredPath)).toList();
        List<Path> path = List.copyOf(classpath);
        createFolder(Objects.requireNonNull(outputDirectory, "outputDirectory"));
        String firstFile = sorted.get(0).submissionPath();
        FutureTask<CompileResult> task = new FutureTask<>(() -> javac(sorted, path, outputDirectory, firstFile));
        Thread thread = new Thread(null, task, "gradecheck-javac", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return await(task, firstFile);
    }

    private CompileResult javac(List<StudentSource> sources, List<Path> classpath, Path output, String firstFile)
            throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            List<StudentFileObject> units = sources.stream().map(StudentFileObject::new).toList();
            StringWriter javacOutput = new StringWriter();
            boolean compiled = compiler.getTask(javacOutput, files, diagnostics, OPTIONS, null, units).call();
            List<Finding> findings = CompileFindings.of(diagnostics.getDiagnostics(), firstFile, courseHints);
            if (!compiled && findings.isEmpty()) {
                return crashed(firstFile, javacOutput.toString());
            }
            return new CompileResult(compiled && findings.isEmpty(), findings);
        }
    }

    /** javac gave up without a diagnostic (it prints its own crash, e.g. a stack overflow, to its output). */
    private static CompileResult crashed(String file, String output) {
        boolean overflow = output.contains("StackOverflowError");
        String reason = overflow ? "the code is nested too deeply"
                : output.strip().lines().findFirst().orElse("javac stopped without a message");
        return failed(file, "javac could not compile this exercise: " + reason,
                overflow ? NESTING_HINT : "");
    }

    private static CompileResult await(FutureTask<CompileResult> task, String firstFile) {
        try {
            return task.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return failed(firstFile, "javac did not finish within " + TIME_LIMIT.toSeconds() + " s",
                    NESTING_HINT);
        } catch (ExecutionException e) {
            return failed(firstFile, "javac could not compile this exercise: " + describe(e.getCause()),
                    e.getCause() instanceof StackOverflowError ? NESTING_HINT : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(firstFile, "compilation was interrupted", "");
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof StackOverflowError) {
            return "the code is nested too deeply";
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage().lines().findFirst().orElse("");
    }

    private static CompileResult failed(String file, String message, String hint) {
        return new CompileResult(false, List.of(CompileFindings.failure(file, message, hint)));
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the class folder " + folder, e);
        }
    }
}
