package dev.gradecheck.structure;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.TypeParameter;
import dev.gradecheck.policy.ForbiddenApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves type names as written in one source to qualified names, the way javac would for the JDK's types and the
 * names the forbidden API table cares about, without a symbol solver: a qualified name stands for itself; a simple
 * name is the file's own type if it declares one, else a single-type import, else a {@code java.lang} type of the JDK
 * (or the table), else a type of an on-demand import that the JDK has (or the table governs).
 */
final class ImportScope {

    private final ForbiddenApi forbidden;
    private final Set<String> ownTypes = new HashSet<>();
    private final List<String> singleImports = new ArrayList<>();
    private final List<String> onDemandImports = new ArrayList<>();
    private final List<String> staticOnDemandImports = new ArrayList<>();

    ImportScope(CompilationUnit unit, ForbiddenApi forbidden) {
        this.forbidden = forbidden;
        unit.findAll(TypeDeclaration.class).forEach(type -> ownTypes.add(type.getNameAsString()));
        unit.findAll(TypeParameter.class).forEach(parameter -> ownTypes.add(parameter.getNameAsString()));
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (declaration.isStatic()) {
                if (declaration.isAsterisk()) {
                    staticOnDemandImports.add(name);
                }
            } else if (declaration.isAsterisk()) {
                onDemandImports.add(name);
            } else {
                singleImports.add(name);
            }
        }
    }

    /** The types whose static members are imported on demand ({@code import static a.B.*;}). */
    List<String> staticOnDemandImports() {
        return List.copyOf(staticOnDemandImports);
    }

    /**
     * The qualified name of a type name as written ({@code Thread}, {@code Thread.State}, {@code java.io.File}), when
     * it can be known; empty for the file's own types, unknown names and names that are not types.
     */
    Optional<String> resolve(String written) {
        if (written.isEmpty() || written.equals("?") || written.equals("this")) {
            return Optional.empty();
        }
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        if (Character.isLowerCase(first.charAt(0))) {
            return dot < 0 ? Optional.empty() : Optional.of(written);
        }
        if (ownTypes.contains(first)) {
            return Optional.empty();
        }
        return resolveSimple(first).map(qualified -> qualified + rest);
    }

    private Optional<String> resolveSimple(String simpleName) {
        for (String imported : singleImports) {
            if (imported.endsWith("." + simpleName)) {
                return Optional.of(imported);
            }
        }
        if (known("java.lang." + simpleName)) {
            return Optional.of("java.lang." + simpleName);
        }
        return onDemandImports.stream().map(packageName -> packageName + "." + simpleName)
                .filter(this::known).findFirst();
    }

    private boolean known(String qualifiedName) {
        return JdkTypes.exists(qualifiedName) || forbidden.governs(qualifiedName);
    }
}
