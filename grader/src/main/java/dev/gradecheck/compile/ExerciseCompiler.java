package dev.gradecheck.compile;

import dev.gradecheck.api.Finding;
import dev.gradecheck.platform.FileTrees;
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
import java.util.TreeMap;
import java.util.concurrent.Callable;
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
    /**
     * How long a run of several exercises together may take before the exercises are compiled apart instead (with
     * {@link #TIME_LIMIT} each): about 0.1 s is usual, so only a pathological source reaches it.
     */
    static final Duration TOGETHER_TIME_LIMIT = Duration.ofSeconds(20);
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
        List<StudentSource> sorted = inOrder(sources);
        List<Path> path = List.copyOf(classpath);
        createFolder(Objects.requireNonNull(outputDirectory, "outputDirectory"));
        String firstFile = sorted.get(0).submissionPath();
        return await(onJavacThread(() -> javac(sorted, path, outputDirectory, firstFile)), firstFile, TIME_LIMIT);
    }

    /**
     * Compiles several exercises in one javac run, each exercise's classes into its own folder, and gives what
     * compiling each on its own would: javac then reads the JDK's and the provided classes once instead of once per
     * exercise (measured: about a third of the CPU time). It does so only when the run is clean: javac reports no
     * error (warnings and notes are never findings) and no exercise's code names a class that another exercise's
     * sources declare, which compiling apart would refuse. Then every exercise compiled with no finding, as
     * {@link #compile} would say. Otherwise, or when javac fails or takes longer than {@link #TOGETHER_TIME_LIMIT}, it
     * leaves the folders empty and the caller compiles each exercise with {@link #compile}, whose findings are then
     * exactly those of an exercise compiled apart.
     *
     * @param sources each exercise's student files (exercise id to at least one source)
     * @param classpath class folders and jars the sources compile against (the provided classes)
     * @param outputs each exercise's class folder (created when needed), for every exercise in {@code sources}
     * @return true when every exercise compiled, cleanly, into its folder; false: compile them apart
     * @throws IllegalArgumentException if an exercise has no sources or no output folder
     */
    public boolean compileTogether(Map<String, List<StudentSource>> sources, List<Path> classpath,
                                   Map<String, Path> outputs) {
        Map<String, List<StudentSource>> sorted = new TreeMap<>();
        sources.forEach((exercise, files) -> {
            if (files.isEmpty() || !outputs.containsKey(exercise)) {
                throw new IllegalArgumentException("exercise " + exercise + " needs sources and a class folder");
            }
            sorted.put(exercise, inOrder(files));
        });
        List<Path> path = List.copyOf(classpath);
        Map<String, Path> folders = new TreeMap<>(outputs);
        folders.keySet().retainAll(sorted.keySet());
        folders.values().forEach(ExerciseCompiler::createFolder);
        try {
            if (onJavacThread(() -> CompiledTogether.run(compiler, sorted, path, folders))
                    .get(TOGETHER_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (TimeoutException | ExecutionException e) {
            // Compiled apart, each exercise gets its own finding for what went wrong.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        folders.values().forEach(folder -> {
            FileTrees.deleteQuietly(folder);
            createFolder(folder);
        });
        return false;
    }

    private static List<StudentSource> inOrder(List<StudentSource> sources) {
        return sources.stream().sorted(Comparator.comparing(StudentSource::declaredPath)).toList();
    }

    /** Runs javac's work on a thread of its own with a large stack (deeply nested code recurses deeply). */
    private static <T> FutureTask<T> onJavacThread(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, "gradecheck-javac", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return task;
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

    private static CompileResult await(FutureTask<CompileResult> task, String firstFile, Duration limit) {
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return failed(firstFile, "javac did not finish within " + limit.toSeconds() + " s",
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
