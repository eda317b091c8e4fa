package dev.gradecheck.pipeline;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Severity;
import dev.gradecheck.bytecode.BytecodeScanner;
import dev.gradecheck.compile.CompileResult;
import dev.gradecheck.compile.ExerciseCompiler;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.RuleDeclaration;
import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ForbiddenApi;
import dev.gradecheck.scoring.Findings;
import dev.gradecheck.structure.ApiCatalog;
import dev.gradecheck.structure.StructureChecker;
import dev.gradecheck.structure.StructureRule;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * The front stages for each exercise of a submission: missing files, written answers ({@link WrittenAnswers}),
 * compilation on its own against the provided
 * classes, structure rules (also when it does not compile), bytecode check of what compiled. Each exercise gets a
 * {@link TestVerdict}: its hidden tests run unless a file is missing, it does not compile, or a finding
 * {@linkplain Finding#blocksTests() blocks the tests} (a refused API, in the source or the bytecode). The APIs an
 * exercise may use are the standard allow-list, its course's and its own API families and its {@code allow}; an exercise
 * that allows file I/O runs its tests only where the child's file system is isolated (bubblewrap): elsewhere a file
 * could be the child's own memory ({@code /proc/self/mem}).
 *
 * <pre>{@code
 * try (FrontStages.Run front = stages.start(exercises, located, classes)) {   // every compilation starts
 *     List<ExerciseCheck> first = front.check(exercises.subList(0, 2));       // structure, then bytecode, in order
 * }
 * }</pre>
 *
 * <p>Used by one grading thread at a time (the structure parser and the compiler are not thread-safe).
 */
final class FrontStages {

    /** Measured on 2 cores: two javacs at once save about 0.25 s over six exercises; more would only contend. */
    private static final int COMPILE_THREADS = 2;
    private static final ThreadFactory DAEMON_THREADS = DaemonThreads.named("gradecheck-compile");

    private final Course course;
    private final Map<String, List<StructureRule>> rules;
    private final ExerciseCompiler compiler;
    private final StructureChecker structure;
    private final BytecodeScanner scanner;
    private final BooleanSupplier fileSystemIsolated;
    private final WrittenAnswers answers;

    private FrontStages(Course course, Map<String, List<StructureRule>> rules, BooleanSupplier fileSystemIsolated,
                        WrittenAnswers answers) {
        this.course = course;
        this.rules = rules;
        this.answers = answers;
        this.fileSystemIsolated = fileSystemIsolated;
        this.compiler = ExerciseCompiler.create(course.settings().compileHints());
        this.structure = StructureChecker.create(ApiCatalog.fromTemplate(course.layout().templateSources(), course.studentFiles()));
        this.scanner = BytecodeScanner.create();
    }

    /**
     * The front stages of {@code course}.
     *
     * @param fileSystemIsolated whether child JVMs get a file system of their own (bubblewrap); asked only when an
     *     exercise that allows file I/O is about to run
     * @throws CourseException if a manifest declares a structure rule the structure stage does not accept, or a
     *     written answer whose section the template's answer file lacks
     */
    static FrontStages of(Course course, BooleanSupplier fileSystemIsolated) throws CourseException {
        return new FrontStages(course, rules(course), fileSystemIsolated, WrittenAnswers.of(course));
    }

    /**
     * Starts compiling every exercise in {@code exercises} over the located files, exercise {@code id} into
     * {@code classes/id}, in that order.
     *
     * <p>The exercises compile on their own. Two or more are first compiled in one javac run
     * ({@link ExerciseCompiler#compileTogether}), which gives each exactly what compiling it apart would when that run is
     * clean, for about a third of the CPU; otherwise (a compile error, or one exercise naming another's class)
     * each compiles apart, in parallel (one javac per core, at most {@link #COMPILE_THREADS}). Meanwhile the grading
     * thread runs the structure rules in {@link Run#check}; the bytecode check of each exercise then waits for its
     * compilation.
     */
    Run start(List<Exercise> exercises, LocatedFiles located, Path classes) {
        return new Run(exercises, located, classes);
    }

    /** The front stages of one grading under way: its compilations started, its checks taken in order. */
    final class Run implements AutoCloseable {

        private final LocatedFiles located;
        private final Path classes;
        private final ExecutorService compiling;
        /** Exercise id to its compilation, {@code null} for an exercise without sources; removed once checked. */
        private final Map<String, Future<CompileResult>> compiled = new HashMap<>();

        private Run(List<Exercise> exercises, LocatedFiles located, Path classes) {
            this.located = located;
            this.classes = classes;
            this.compiling = Executors.newFixedThreadPool(compileThreads(exercises.size()), DAEMON_THREADS);
            List<Path> classpath = List.of(course.build().providedClasses());
            Map<String, List<StudentSource>> sources = new LinkedHashMap<>();
            Map<String, Path> outputs = new HashMap<>();
            for (Exercise exercise : exercises) {
                List<StudentSource> found = sourcesOf(exercise, located);
                if (found.isEmpty()) {
                    compiled.put(exercise.id(), null);
                } else {
                    sources.put(exercise.id(), found);
                    outputs.put(exercise.id(), classes.resolve(exercise.id()));
                }
            }
            CompletableFuture<Boolean> together = sources.size() < 2 ? CompletableFuture.completedFuture(false)
                    : CompletableFuture.supplyAsync(() -> compiler.compileTogether(sources, classpath, outputs), compiling);
            sources.forEach((id, found) -> compiled.put(id, together.thenCompose(clean -> clean
                    ? CompletableFuture.completedFuture(new CompileResult(true, List.of()))
                    : CompletableFuture.supplyAsync(() -> compiler.compile(found, classpath, outputs.get(id)), compiling))));
        }

        /**
         * The checks of these exercises, in the order given, each once; findings keep the pipeline order.
         *
         * @throws IllegalArgumentException if an exercise was not started or was checked already
         */
        List<ExerciseCheck> check(List<Exercise> exercises) {
            List<ExerciseCheck> checked = new ArrayList<>();
            for (Exercise exercise : exercises) {
                if (!compiled.containsKey(exercise.id())) {
                    throw new IllegalArgumentException("exercise " + exercise.id() + " was not started or was checked"
                            + " already");
                }
                checked.add(FrontStages.this.check(exercise, located, classes.resolve(exercise.id()),
                        compiled.remove(exercise.id())));
            }
            return checked;
        }

        /** Stops the compilations still under way (when the grading failed). */
        @Override
        public void close() {
            compiling.shutdownNow();
        }
    }

    private static int compileThreads(int exercises) {
        return Math.max(1, Math.min(Math.min(exercises, COMPILE_THREADS), Runtime.getRuntime().availableProcessors()));
    }

    /** The front stages of one exercise, whose compilation ({@code null} when it has no sources) is under way. */
    private ExerciseCheck check(Exercise exercise, LocatedFiles located, Path classes, Future<CompileResult> compiling) {
        List<StudentSource> sources = sourcesOf(exercise, located);
        List<Finding> findings = new ArrayList<>(located.findingsAbout(exercise.studentFiles()));
        WrittenAnswers.Checked written = answers.check(exercise, located);
        findings.addAll(written.findings());
        return checkCode(exercise, located, classes, compiling, sources, findings).withAnswers(written.answers());
    }

    private ExerciseCheck checkCode(Exercise exercise, LocatedFiles located, Path classes,
                                    Future<CompileResult> compiling, List<StudentSource> sources, List<Finding> findings) {
        if (sources.isEmpty()) {
            return new ExerciseCheck(exercise, findings, new TestVerdict.NotRun("none of its files were found in the"
                    + " submission: " + String.join(", ", exercise.studentFiles())));
        }
        ApiPolicy policy = ApiPolicy.standard().withFamilies(exercise.apiFamilies()).widenedBy(exercise.allow());
        List<Finding> structureFindings = structure.check(rules.get(exercise.id()), sources, policy);
        CompileResult compiled = await(compiling);
        findings.addAll(compiled.findings());
        findings.addAll(structureFindings);
        if (!compiled.success()) {
            return new ExerciseCheck(exercise, findings, new TestVerdict.NotRun("it does not compile: "
                    + firstProblem(compiled.findings())));
        }
        findings.addAll(SourceAndBytecode.unreported(structureFindings, scanner.scan(classes, classToFile(sources), policy,
                List.of(course.build().providedClasses()))));
        Optional<Finding> blocking = findings.stream().filter(Finding::blocksTests).findFirst();
        if (blocking.isEmpty() && exercise.apiFamilies().contains(ForbiddenApi.IO) && !fileSystemIsolated.getAsBoolean()) {
            return new ExerciseCheck(exercise, findings, new TestVerdict.NotRun("it allows file I/O, which the grader"
                    + " runs only inside bubblewrap (isolation level filesystem), and this machine has no working"
                    + " bubblewrap — install bubblewrap (bwrap), or grade on a machine that has it"));
        }
        return new ExerciseCheck(exercise, findings, blocking
                .<TestVerdict>map(f -> new TestVerdict.NotRun("it uses a forbidden API: " + Findings.describe(f)))
                .orElse(new TestVerdict.Run(classes)));
    }

    /** The compilation's result; {@link ExerciseCompiler#compile} turns everything a source does into findings. */
    private static CompileResult await(Future<CompileResult> compiling) {
        try {
            return compiling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for javac", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("javac's thread failed", e.getCause());
        }
    }

    private static List<StudentSource> sourcesOf(Exercise exercise, LocatedFiles located) {
        List<StudentSource> sources = new ArrayList<>();
        for (String file : exercise.studentFiles()) {
            StudentSource source = located.found().get(file);
            if (source != null) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static String firstProblem(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.WARN).findFirst()
                .map(Findings::describe).orElse("see the compile findings");
    }

    private static Map<String, List<StructureRule>> rules(Course course) throws CourseException {
        Map<String, List<StructureRule>> rules = new LinkedHashMap<>();
        for (Exercise exercise : course.exercises()) {
            List<StructureRule> converted = new ArrayList<>();
            for (int i = 0; i < exercise.structure().size(); i++) {
                converted.add(rule(course, exercise, i));
            }
            rules.put(exercise.id(), converted);
        }
        return rules;
    }

    private static StructureRule rule(Course course, Exercise exercise, int index) throws CourseException {
        RuleDeclaration declared = exercise.structure().get(index);
        try {
            return new StructureRule(declared.rule(), declared.severity(), declared.points(), declared.method(),
                    declared.calls(), declared.hint());
        } catch (IllegalArgumentException e) {
            throw new CourseException(course.layout().relative(exercise.folder().resolve("exercise.json"))
                    + ": \"structure[" + index + "]\": " + e.getMessage());
        }
    }

    /** Fully qualified top-level class name, e.g. {@code backprop.mlp.Mlp}, to its path in the submission. */
    private static Map<String, String> classToFile(List<StudentSource> sources) {
        Map<String, String> files = new LinkedHashMap<>();
        sources.forEach(source -> files.put(source.className(), source.submissionPath()));
        return files;
    }
}
