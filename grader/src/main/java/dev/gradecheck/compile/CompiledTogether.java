package dev.gradecheck.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.gradecheck.submission.StudentSource;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * One javac run over several exercises (see {@link ExerciseCompiler#compileTogether}): parse and attribute all of
 * them, refuse the run when javac reported an error or one exercise's code names a class another exercise's sources
 * declare, then write each class file into the folder of the exercise whose source it came from.
 */
final class CompiledTogether {

    private final Trees trees;
    /** A student source's URI to its exercise. */
    private final Map<URI, String> exerciseOf;
    /** A top-level class met in a reference to the exercise whose sources declare it; absent: none does. */
    private final Map<TypeElement, String> declaredBy = new HashMap<>();

    private CompiledTogether(Trees trees, Map<URI, String> exerciseOf) {
        this.trees = trees;
        this.exerciseOf = exerciseOf;
    }

    /** True when the run was clean and every class file is in its exercise's folder (which exist). */
    static boolean run(JavaCompiler compiler, Map<String, List<StudentSource>> sources, List<Path> classpath,
                       Map<String, Path> outputs) throws IOException {
        Map<URI, String> exerciseOf = new HashMap<>();
        List<StudentFileObject> units = new ArrayList<>();
        sources.forEach((exercise, files) -> files.forEach(file -> {
            StudentFileObject unit = new StudentFileObject(file);
            units.add(unit);
            exerciseOf.put(unit.toUri(), exercise);
        }));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            // A default javac asks for; every class file it writes is routed by Routing.
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputs.values().iterator().next()));
            JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), new Routing(standard, exerciseOf, outputs), diagnostics,
                    ExerciseCompiler.OPTIONS, null, units);
            Iterable<? extends CompilationUnitTree> trees = task.parse();
            task.analyze();
            if (hasErrors(diagnostics) || new CompiledTogether(Trees.instance(task), exerciseOf).crossesExercises(trees)) {
                return false;
            }
            task.generate();
            return !hasErrors(diagnostics);
        }
    }

    /** Errors only: they are all a compilation's findings ({@link CompileFindings}); warnings and notes are not. */
    private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /** Whether a unit names (imports, calls, extends, reads a constant of...) a class of another exercise's sources. */
    private boolean crossesExercises(Iterable<? extends CompilationUnitTree> units) {
        for (CompilationUnitTree unit : units) {
            String exercise = exerciseOf.get(unit.getSourceFile().toUri());
            Boolean crossed = new TreePathScanner<Boolean, Void>() {
                @Override
                public Boolean visitIdentifier(IdentifierTree node, Void unused) {
                    return crosses(getCurrentPath());
                }

                @Override
                public Boolean visitMemberSelect(MemberSelectTree node, Void unused) {
                    return crosses(getCurrentPath()) || Boolean.TRUE.equals(super.visitMemberSelect(node, unused));
                }

                @Override
                public Boolean visitMemberReference(MemberReferenceTree node, Void unused) {
                    return crosses(getCurrentPath()) || Boolean.TRUE.equals(super.visitMemberReference(node, unused));
                }

                @Override
                public Boolean reduce(Boolean first, Boolean second) {
                    return Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second);
                }

                private boolean crosses(TreePath path) {
                    String owner = declaringExercise(trees.getElement(path));
                    return owner != null && !owner.equals(exercise);
                }
            }.scan(unit, null);
            if (Boolean.TRUE.equals(crossed)) {
                return true;
            }
        }
        return false;
    }

    /** The exercise whose sources declare the top-level class {@code element} belongs to; null for any other. */
    private String declaringExercise(Element element) {
        Element top = element;
        while (top != null && top.getEnclosingElement() != null
                && top.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && top.getEnclosingElement().getKind() != ElementKind.MODULE) {
            top = top.getEnclosingElement();
        }
        if (!(top instanceof TypeElement type)) {
            return null;
        }
        return declaredBy.computeIfAbsent(type, t -> {
            TreePath declaration = trees.getPath(t);
            return declaration == null ? null : exerciseOf.get(declaration.getCompilationUnit().getSourceFile().toUri());
        });
    }

    /**
     * Sends each class file to the folder of the exercise whose source it was compiled from; anything else is an
     * {@link IOException}, which javac reports as an error, so the run is refused.
     */
    private static final class Routing extends ForwardingJavaFileManager<StandardJavaFileManager> {

        private final Map<URI, String> exerciseOf;
        private final Map<String, Path> outputs;

        Routing(StandardJavaFileManager standard, Map<URI, String> exerciseOf, Map<String, Path> outputs) {
            super(standard);
            this.exerciseOf = exerciseOf;
            this.outputs = outputs;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) throws IOException {
            String exercise = sibling == null ? null : exerciseOf.get(sibling.toUri());
            if (location != StandardLocation.CLASS_OUTPUT || exercise == null) {
                throw new IOException("no exercise's class folder for " + className);
            }
            Path file = outputs.get(exercise).resolve(className.replace('.', File.separatorChar) + kind.extension);
            return fileManager.getJavaFileObjects(file).iterator().next();
        }
    }
}
