package dev.gradecheck.structure;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.IntersectionType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.stream.Collectors;

/**
 * A type as comparable text: simple names (so {@code backprop.linalg.Matrix} equals {@code Matrix}), type arguments
 * kept, no annotations or spaces, e.g. {@code ToDoubleFunction<Matrix>}, {@code double[][]}.
 */
final class TypeText {

    private TypeText() {
    }

    /** The comparable text of {@code type}. */
    static String of(Type type) {
        if (type instanceof ArrayType array) {
            return of(array.getComponentType()) + "[]";
        }
        if (type instanceof ClassOrInterfaceType named) {
            return named.getNameAsString() + named.getTypeArguments()
                    .map(arguments -> arguments.stream().map(TypeText::of).collect(Collectors.joining(",", "<", ">")))
                    .orElse("");
        }
        if (type instanceof WildcardType wildcard) {
            return "?" + wildcard.getExtendedType().map(bound -> " extends " + of(bound)).orElse("")
                    + wildcard.getSuperType().map(bound -> " super " + of(bound)).orElse("");
        }
        if (type instanceof UnionType union) {
            return union.getElements().stream().map(TypeText::of).collect(Collectors.joining("|"));
        }
        if (type instanceof IntersectionType intersection) {
            return intersection.getElements().stream().map(TypeText::of).collect(Collectors.joining("&"));
        }
        return type.asString();
    }
}
