package dev.gradecheck.structure;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithExtends;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A top-level type and its members, as the required-API rule compares them.
 *
 * @param kind {@code class}, {@code interface}, {@code enum}, {@code record} or {@code annotation type}
 * @param name simple name
 * @param isPublic declared public
 * @param supertypes the extended and implemented types as written (see {@link TypeText}), in declaration order
 * @param members every constructor (the implicit default and canonical ones included), method, field and enum
 *     constant, in declaration order
 */
record ApiType(String kind, String name, boolean isPublic, List<String> supertypes, List<ApiMember> members) {

    ApiType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        supertypes = List.copyOf(supertypes);
        members = List.copyOf(members);
    }

    /** The type as declared in a source. */
    static ApiType of(TypeDeclaration<?> type) {
        return new ApiType(kindOf(type), type.getNameAsString(), type.isPublic(), supertypesOf(type), membersOf(type));
    }

    /** Only the public members: what a stub requires. */
    ApiType publicPart() {
        return new ApiType(kind, name, isPublic, supertypes, members.stream().filter(ApiMember::isPublic).toList());
    }

    /**
     * True when this type keeps every supertype of {@code required}: then a method the template marks
     * {@code @Override} is there for sure, declared or inherited (javac checks it, e.g. in each body of an enum's
     * constants).
     */
    boolean keepsSupertypesOf(ApiType required) {
        return supertypes.containsAll(required.supertypes);
    }

    private static List<String> supertypesOf(TypeDeclaration<?> type) {
        List<String> supertypes = new ArrayList<>();
        if (type instanceof NodeWithExtends<?> extending) {
            extending.getExtendedTypes().forEach(supertype -> supertypes.add(TypeText.of(supertype)));
        }
        if (type instanceof NodeWithImplements<?> implementing) {
            implementing.getImplementedTypes().forEach(supertype -> supertypes.add(TypeText.of(supertype)));
        }
        return supertypes;
    }

    static String kindOf(TypeDeclaration<?> type) {
        if (type instanceof ClassOrInterfaceDeclaration declaration) {
            return declaration.isInterface() ? "interface" : "class";
        }
        if (type instanceof EnumDeclaration) {
            return "enum";
        }
        if (type instanceof RecordDeclaration) {
            return "record";
        }
        return type instanceof AnnotationDeclaration ? "annotation type" : "type";
    }

    private static List<ApiMember> membersOf(TypeDeclaration<?> type) {
        boolean isInterface = type instanceof ClassOrInterfaceDeclaration declaration && declaration.isInterface();
        List<ApiMember> members = new ArrayList<>();
        if (type instanceof EnumDeclaration enumeration) {
            enumeration.getEntries().forEach(entry -> members.add(new ApiMember(ApiMember.Kind.ENUM_CONSTANT,
                    entry.getNameAsString(), List.of(), "", true, true, entry.getNameAsString(), false, entry)));
        }
        if (type instanceof RecordDeclaration record) {
            members.addAll(recordMembers(record));
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            members.addAll(memberOf(member, isInterface));
        }
        if (type instanceof ClassOrInterfaceDeclaration declaration && !isInterface
                && type.getMembers().stream().noneMatch(BodyDeclaration::isConstructorDeclaration)) {
            members.add(constructor(declaration.getNameAsString(), List.of(), declaration.isPublic(), declaration));
        }
        return distinct(members);
    }

    private static List<ApiMember> memberOf(BodyDeclaration<?> member, boolean isInterface) {
        if (member instanceof ConstructorDeclaration constructor) {
            return List.of(new ApiMember(ApiMember.Kind.CONSTRUCTOR, constructor.getNameAsString(),
                    parameterTypes(constructor.getParameters()), "", constructor.isPublic(), false,
                    constructor.getDeclarationAsString(true, false, true), false, constructor));
        }
        if (member instanceof MethodDeclaration method) {
            boolean isPublic = method.isPublic() || isInterface && !method.isPrivate();
            return List.of(new ApiMember(ApiMember.Kind.METHOD, method.getNameAsString(),
                    parameterTypes(method.getParameters()), TypeText.of(method.getType()), isPublic, method.isStatic(),
                    method.getDeclarationAsString(true, false, true), method.isAnnotationPresent("Override"), method));
        }
        if (member instanceof FieldDeclaration field) {
            boolean isPublic = field.isPublic() || isInterface;
            boolean isStatic = field.isStatic() || isInterface;
            return field.getVariables().stream().map(variable -> new ApiMember(ApiMember.Kind.FIELD,
                    variable.getNameAsString(), List.of(), TypeText.of(variable.getType()), isPublic, isStatic,
                    variable.getType().asString() + " " + variable.getNameAsString(), false, (Node) variable)).toList();
        }
        return List.of();
    }

    private static List<ApiMember> recordMembers(RecordDeclaration record) {
        List<ApiMember> members = new ArrayList<>();
        List<String> types = parameterTypes(record.getParameters());
        members.add(constructor(record.getNameAsString(), types, record.isPublic(), record));
        for (Parameter component : record.getParameters()) {
            String type = TypeText.of(component.getType());
            members.add(new ApiMember(ApiMember.Kind.METHOD, component.getNameAsString(), List.of(), type, true, false,
                    "public " + component.getType().asString() + " " + component.getNameAsString() + "()", false,
                    component));
        }
        return members;
    }

    private static ApiMember constructor(String name, List<String> parameterTypes, boolean isPublic, Node node) {
        String declaration = (isPublic ? Modifier.Keyword.PUBLIC.asString() + " " : "") + name + "("
                + String.join(", ", parameterTypes) + ")";
        return new ApiMember(ApiMember.Kind.CONSTRUCTOR, name, parameterTypes, "", isPublic, false, declaration, false,
                node);
    }

    private static List<String> parameterTypes(List<Parameter> parameters) {
        return parameters.stream().map(parameter -> TypeText.of(parameter.getType()) + (parameter.isVarArgs() ? "[]" : ""))
                .toList();
    }

    /** Drops later members with the signature of an earlier one (an explicit record accessor or canonical constructor). */
    private static List<ApiMember> distinct(List<ApiMember> members) {
        List<ApiMember> kept = new ArrayList<>();
        for (ApiMember member : members) {
            if (kept.stream().noneMatch(member::sameSignature)) {
                kept.add(member);
            }
        }
        return kept;
    }
}
