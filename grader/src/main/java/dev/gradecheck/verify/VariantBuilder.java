package dev.gradecheck.verify;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.gradecheck.course.Mutant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes known-bug variant submissions: a copy of the solutions in which each of the variant's files replaces the
 * solution file that declares the same package and class. Not thread-safe (one parser).
 */
final class VariantBuilder {

    private final Path solutions;
    private final JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
    private Map<String, Path> solutionFileByType;

    /** @param solutions the solutions' source root, {@code solutions/src/main/java} */
    VariantBuilder(Path solutions) {
        this.solutions = solutions;
    }

    /**
     * Writes the variant into {@code folder} (created; must not exist yet).
     *
     * @param shownFolder how messages name the variant's folder, e.g. {@code exercises/chain-rule/mutants/sign-flipped}
     * @return what prevents grading the variant, each naming the file and how to fix it; empty when written
     */
    List<String> write(Mutant mutant, String shownFolder, Path folder) {
        List<String> problems = new ArrayList<>();
        Map<Path, Path> replacements = new HashMap<>();
        for (Path file : javaFiles(mutant.folder())) {
            String shown = shownFolder + "/" + mutant.folder().relativize(file).toString().replace('\\', '/');
            Optional<String> type = declaredType(file, shown, problems);
            Path target = type.map(name -> solutionFiles().get(name)).orElse(null);
            if (type.isPresent() && target == null) {
                problems.add(shown + " declares " + type.get() + ", which no solution file declares — a variant file "
                        + "must have the package and class of the student file it replaces");
            } else if (target != null) {
                replacements.put(target, file);
            }
        }
        if (problems.isEmpty()) {
            copySolutions(folder);
            replacements.forEach((target, file) -> copy(file, folder.resolve(target)));
        }
        return problems;
    }

    /** {@code backprop.mlp.Mlp} to {@code backprop/mlp/Mlp.java}, for every solution file, parsed once. */
    private Map<String, Path> solutionFiles() {
        if (solutionFileByType == null) {
            solutionFileByType = new HashMap<>();
            for (Path file : javaFiles(solutions)) {
                List<String> ignored = new ArrayList<>();
                declaredType(file, file.toString(), ignored)
                        .ifPresent(type -> solutionFileByType.put(type, solutions.relativize(file)));
            }
        }
        return solutionFileByType;
    }

    /** The fully qualified name of the file's primary class (the one named like the file, else the first). */
    private Optional<String> declaredType(Path file, String shown, List<String> problems) {
        ParseResult<CompilationUnit> parsed = parser.parse(read(file));
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            problems.add(shown + " cannot be parsed: " + parsed.getProblems().stream().findFirst()
                    .map(problem -> problem.getVerboseMessage()).orElse("unknown problem") + " — fix its syntax");
            return Optional.empty();
        }
        CompilationUnit unit = parsed.getResult().get();
        String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
        Optional<String> type = unit.getTypes().stream().map(TypeDeclaration::getNameAsString)
                .filter(simpleName::equals).findFirst()
                .or(() -> unit.getTypes().stream().map(TypeDeclaration::getNameAsString).findFirst());
        if (type.isEmpty()) {
            problems.add(shown + " declares no class — it must replace a student file of its exercise");
            return Optional.empty();
        }
        String packageName = unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
        return Optional.of(packageName.isEmpty() ? type.get() : packageName + "." + type.get());
    }

    private void copySolutions(Path folder) {
        for (Path file : javaFiles(solutions)) {
            copy(file, folder.resolve(solutions.relativize(file)));
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
