package dev.gradecheck.course;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles instructor code (provided code, solutions, hidden tests) in-process with {@code javax.tools}: release 17,
 * UTF-8, annotation processing off. An error is the exercise author's, so it is a {@link CourseException}.
 */
final class InstructorCompiler {

    private static final int MAX_REPORTED_ERRORS = 5;

    private final CourseLayout layout;
    private final JavaCompiler compiler;

    InstructorCompiler(CourseLayout layout) {
        this.layout = layout;
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime — run the grader with a JDK, not a JRE");
        }
    }

    /**
     * Compiles {@code sources} into {@code output} against {@code classpath}. {@code output} exists afterwards even
     * when there is nothing to compile (a course without provided code): every such folder goes on class paths, and
     * bubblewrap refuses to bind a path that does not exist.
     *
     * @param what what is compiled, for the error message, e.g. {@code the hidden tests of chain-rule}
     * @throws CourseException listing javac's first errors with file:line
     */
    void compile(String what, List<Path> sources, List<Path> classpath, Path output) throws CourseException {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + output, e);
        }
        if (sources.isEmpty()) {
            return;
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn",
                    "-implicit:none", "-d", output.toString(), "-classpath", joined(classpath));
            boolean success = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!success) {
                throw new CourseException("cannot compile " + what + ":\n" + errors(diagnostics)
                        + "\nfix the instructor code (it must compile with javac --release 17)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .limit(MAX_REPORTED_ERRORS)
                .map(this::describe)
                .collect(Collectors.joining("\n"));
    }

    private String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource() == null ? "" : layout.relative(Path.of(diagnostic.getSource().toUri()));
        return "  " + file + ":" + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber() + ": "
                + diagnostic.getMessage(Locale.ROOT);
    }

    private static String joined(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
