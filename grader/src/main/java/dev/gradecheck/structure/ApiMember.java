package dev.gradecheck.structure;

import com.github.javaparser.ast.Node;
import java.util.List;
import java.util.Objects;

/**
 * A constructor, method, field or enum constant of a type, as the required-API rule compares them.
 *
 * @param kind what it is
 * @param name its name (a constructor's is its class's)
 * @param parameterTypes comparable parameter types (see {@link TypeText}); varargs as arrays; empty for fields and
 *     constants
 * @param returnType comparable return type of a method, type of a field; empty for constructors and constants
 * @param isPublic public, explicitly or implicitly (interface members, enum constants)
 * @param isStatic static, explicitly or implicitly
 * @param declaration how the template writes it, e.g. {@code public MlpGradients backward(Matrix x, Matrix yTrue,
 *     MlpCache cache)}
 * @param overrides annotated {@code @Override}: it implements or overrides a supertype's method
 * @param node where it is declared (the type itself for implicit members)
 */
record ApiMember(Kind kind, String name, List<String> parameterTypes, String returnType, boolean isPublic,
                 boolean isStatic, String declaration, boolean overrides, Node node) {

    /** What a member is; {@link #word} is how messages call it. */
    enum Kind {
        CONSTRUCTOR("constructor"), METHOD("method"), FIELD("field"), ENUM_CONSTANT("enum constant");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    ApiMember {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(declaration, "declaration");
    }

    /** The parameter list as messages show it: {@code (Matrix, Matrix, MlpCache)}. */
    String parameters() {
        return "(" + String.join(", ", parameterTypes) + ")";
    }

    /** How messages name it: {@code backward(Matrix, Matrix, MlpCache)}, or a field's or constant's name. */
    String signature() {
        return kind == Kind.CONSTRUCTOR || kind == Kind.METHOD ? name + parameters() : name;
    }

    /** Same kind, name and parameter types. */
    boolean sameSignature(ApiMember other) {
        return kind == other.kind && name.equals(other.name) && parameterTypes.equals(other.parameterTypes);
    }

    /** Same signature, return type, visibility and staticness: the student's member satisfies the template's. */
    boolean satisfies(ApiMember required) {
        return sameSignature(required) && returnType.equals(required.returnType) && isPublic == required.isPublic
                && isStatic == required.isStatic;
    }
}
