package dev.gradecheck;

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
import dev.gradecheck.scoring.Findings;
import dev.gradecheck.structure.ApiCatalog;
import dev.gradecheck.structure.StructureChecker;
import dev.gradecheck.structure.StructureRule;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The front stages for one exercise: missing files, compilation on its own against the provided classes, structure
 * rules (also when it does not compile), bytecode check of what compiled. Decides whether the hidden tests may run.
 */
final class ExerciseChecks {

    private static final Set<String> DISQUALIFYING_RULES = Set.of("bytecode", "forbidden-api");
    /** Measured on 2 cores: two javacs at once save about 0.25 s over six exercises; more would only contend. */
    private static final int COMPILE_THREADS = 2;
    private static final ThreadFactory DAEMON_THREADS = DaemonThreads.named("gradecheck-compile");

    private final Course course;
    private final Map<String, List<StructureRule>> rules;
    private final ExerciseCompiler compiler;
    private final StructureChecker structure;
    private final BytecodeScanner scanner;

    /** @throws CourseException if a manifest declares a structure rule the structure stage does not accept */
    ExerciseChecks(Course course) throws CourseException {
        this.course = course;
        this.rules = rules(course);
        this.compiler = ExerciseCompiler.create();
        this.structure = StructureChecker.create(ApiCatalog.fromTemplate(course.layout().templateSources(), course.studentFiles()));
        this.scanner = BytecodeScanner.create();
    }

    /**
     * Runs the front stages of every exercise over the located files, compiling exercise {@code id} into
     * {@code classes/id}; one check per exercise, in the order given.
     *
     * <p>The exercises compile on their own, so they compile in parallel (one javac per core, at most
     * {@link #COMPILE_THREADS}) while this thread runs the structure rules, whose parser is not thread-safe; the
     * bytecode check of each exercise then waits for its compilation. Findings keep the pipeline order. Each check
     * goes to {@code onChecked} as soon as it is complete, on this thread.
     */
    List<ExerciseCheck> checkAll(List<Exercise> exercises, LocatedFiles located, Path classes,
                                 Consumer<ExerciseCheck> onChecked) {
        ExecutorService compiling = Executors.newFixedThreadPool(compileThreads(exercises.size()), DAEMON_THREADS);
        try {
            List<Future<CompileResult>> compiled = new ArrayList<>();
            for (Exercise exercise : exercises) {
                List<StudentSource> sources = sourcesOf(exercise, located);
                Path output = classes.resolve(exercise.id());
                compiled.add(sources.isEmpty() ? null : compiling.submit(() -> compiler.compile(sources,
                        List.of(course.build().providedClasses()), output)));
            }
            List<ExerciseCheck> checked = new ArrayList<>();
            for (int i = 0; i < exercises.size(); i++) {
                ExerciseCheck check = check(exercises.get(i), located, classes.resolve(exercises.get(i).id()),
                        compiled.get(i));
                onChecked.accept(check);
                checked.add(check);
            }
            return checked;
        } finally {
            compiling.shutdownNow();
        }
    }

    private static int compileThreads(int exercises) {
        return Math.max(1, Math.min(Math.min(exercises, COMPILE_THREADS), Runtime.getRuntime().availableProcessors()));
    }

    /** The front stages of one exercise, whose compilation ({@code null} when it has no sources) is under way. */
    private ExerciseCheck check(Exercise exercise, LocatedFiles located, Path classes, Future<CompileResult> compiling) {
        List<StudentSource> sources = sourcesOf(exercise, located);
        List<Finding> findings = new ArrayList<>(locatorFindings(exercise, located));
        if (sources.isEmpty()) {
            return new ExerciseCheck(exercise, findings, classes, "none of its files were found in the submission: "
                    + String.join(", ", exercise.studentFiles()));
        }
        ApiPolicy policy = ApiPolicy.standard().widenedBy(exercise.allow());
        List<Finding> structureFindings = structure.check(rules.get(exercise.id()), sources, policy);
        CompileResult compiled = await(compiling);
        findings.addAll(compiled.findings());
        findings.addAll(structureFindings);
        if (!compiled.success()) {
            return new ExerciseCheck(exercise, findings, classes, "it does not compile: " + firstProblem(compiled.findings()));
        }
        findings.addAll(SourceAndBytecode.unreported(structureFindings, scanner.scan(classes, classToFile(sources), policy,
                List.of(course.build().providedClasses()))));
        Optional<Finding> disqualifying = findings.stream()
                .filter(f -> f.severity() == Severity.ZERO && DISQUALIFYING_RULES.contains(f.rule())).findFirst();
        return new ExerciseCheck(exercise, findings, classes, disqualifying
                .map(f -> "it uses a forbidden API: " + Findings.describe(f)).orElse(""));
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

    /** The locator's findings (missing, duplicate, unreadable) that concern this exercise's files. */
    private static List<Finding> locatorFindings(Exercise exercise, LocatedFiles located) {
        return located.findings().stream().filter(finding -> concerns(exercise, finding, located)).toList();
    }

    private static boolean concerns(Exercise exercise, Finding finding, LocatedFiles located) {
        String file = finding.location().file();
        for (String declared : exercise.studentFiles()) {
            String simpleName = declared.substring(declared.lastIndexOf('/') + 1);
            if (file.equals(declared) || file.endsWith("/" + declared) || file.equals(simpleName) || file.endsWith("/" + simpleName)
                    || finding.message().contains(declared)) {
                return true;
            }
        }
        return false;
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
