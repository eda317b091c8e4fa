package dev.gradecheck.structure;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.gradecheck.api.Location;
import dev.gradecheck.submission.StudentSource;
import java.util.Optional;

/**
 * A student source and its syntax tree.
 *
 * @param source the source as located in the submission
 * @param unit its parsed compilation unit
 */
record ParsedSource(StudentSource source, CompilationUnit unit) {

    /** The declared package, empty for the default package. */
    String packageName() {
        return unit.getPackageDeclaration().map(declaration -> declaration.getNameAsString()).orElse("");
    }

    /** The top-level type named {@code simpleName}, if the file declares one. */
    Optional<TypeDeclaration<?>> topLevelType(String simpleName) {
        return unit.getTypes().stream().filter(type -> type.getNameAsString().equals(simpleName)).findFirst()
                .map(type -> (TypeDeclaration<?>) type);
    }

    /** Where {@code node} starts, in the file as submitted. */
    Location locationOf(Node node) {
        Position begin = node.getBegin().orElse(new Position(0, 0));
        return new Location(source.submissionPath(), Math.max(0, begin.line), Math.max(0, begin.column));
    }

    /** {@code Mlp.java:57:16}, the prefix of messages about {@code node}. */
    String prefix(Node node) {
        Location location = locationOf(node);
        return new Location(source.fileName(), location.line(), location.column()).toString();
    }
}
