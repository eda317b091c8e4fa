package dev.gradecheck.bytecode;

import dev.gradecheck.structure.ApiFamily;
import dev.gradecheck.structure.ForbiddenApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Judges the names bytecode refers to against {@link ForbiddenApi}, in bytecode's own terms: internal names
 * ({@code java/lang/System}), descriptors, generic signatures, method handles and bootstrap arguments. Collects what
 * it finds for one class; not thread-safe.
 */
final class ReferenceJudge {

    /** The JDK's bootstraps javac emits for ordinary code: string concatenation, lambdas, records, pattern switch. */
    static final Set<String> ALLOWED_BOOTSTRAPS = Set.of("java/lang/invoke/StringConcatFactory",
            "java/lang/invoke/LambdaMetafactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    private final ForbiddenApi forbidden;
    private final String className;
    private String sourceFile = "";
    private int firstLine;
    private final List<Reference> references = new ArrayList<>();

    ReferenceJudge(ForbiddenApi forbidden, String className) {
        this.forbidden = forbidden;
        this.className = className;
    }

    void sourceFile(String name) {
        sourceFile = name == null ? "" : name;
    }

    /** Notes a line of the class's code; the first one stands in for references without a line of their own. */
    void lineSeen(int line) {
        if (line > 0 && (firstLine == 0 || line < firstLine)) {
            firstLine = line;
        }
    }

    /**
     * What was found. References outside code (a superclass, a field type, a native method) carry the class's first
     * line of code, usually its constructor at the class's declaration.
     */
    List<Reference> references() {
        return references.stream().map(reference -> reference.line() > 0 ? reference : reference.atLine(firstLine))
                .toList();
    }

    /** A reference to a type by internal name or array descriptor, e.g. a superclass or a {@code new}. */
    void type(String internalName, String verb, int line) {
        if (internalName == null) {
            return;
        }
        String name = internalName.startsWith("[") ? elementName(Type.getType(internalName)) : dotted(internalName);
        if (!name.isEmpty()) {
            forbidden.forType(name).ifPresent(family -> add(line, verb + " " + name, family, rankOf(verb)));
        }
    }

    /** Inheriting says the most about a class; creating an instance more than mentioning a type. */
    private static int rankOf(String verb) {
        if (verb.equals("extends") || verb.equals("implements")) {
            return Reference.MEMBER;
        }
        return verb.equals("creates") ? Reference.CALL : Reference.TYPE;
    }

    /** Every class named by a field or method descriptor. */
    void descriptor(String descriptor, int line) {
        if (descriptor == null) {
            return;
        }
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            Arrays.stream(type.getArgumentTypes()).forEach(argument -> typeOf(argument, line));
            typeOf(type.getReturnType(), line);
        } else {
            typeOf(type, line);
        }
    }

    /** Every class named by a generic signature. */
    void signature(String signature, int line) {
        if (signature == null) {
            return;
        }
        try {
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                @Override
                public void visitClassType(String name) {
                    type(name, "uses", line);
                }
            });
        } catch (IllegalArgumentException e) {
            // A malformed signature is only metadata; the descriptor is still judged.
        }
    }

    /** A field access or method call: the member first, else its owner type. */
    void member(String owner, String name, String descriptor, String verb, int line) {
        if (owner.startsWith("[")) {
            type(owner, "uses", line);
            return;
        }
        String type = dotted(owner);
        String what = (name.equals("<init>") ? "creates " + type : verb + " " + type + "." + name);
        Optional<ApiFamily> specific = forbidden.forMember(type, name).or(() -> name.equals("<init>")
                ? forbidden.forConstructor(type, parameterTypes(descriptor)) : Optional.empty());
        if (specific.isPresent()) {
            references.add(new Reference(className, sourceFile, line, what, specific.get(), Reference.MEMBER, type));
        } else {
            forbidden.forType(type).ifPresent(family ->
                    references.add(new Reference(className, sourceFile, line, what, family, Reference.CALL, type)));
        }
        descriptor(descriptor, line);
    }

    /** A constant loaded by {@code ldc} or passed to a bootstrap: class, method type, handle, dynamic, string. */
    void constant(Object value, int line) {
        if (value instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                descriptor(type.getDescriptor(), line);
            } else {
                String name = elementName(type);
                forbidden.forType(name).ifPresent(family -> add(line, "loads the class " + name, family, Reference.TYPE));
            }
        } else if (value instanceof Handle handle) {
            member(handle.getOwner(), handle.getName(), handle.getDesc(), "refers to", line);
        } else if (value instanceof ConstantDynamic dynamic) {
            bootstrap(dynamic.getBootstrapMethod(), line);
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i), line);
            }
        } else if (value instanceof String text) {
            forbidden.forNamedClass(text).ifPresent(family ->
                    add(line, "names " + text.strip() + " in a string", family, Reference.STRING));
        }
    }

    /** An {@code invokedynamic} bootstrap method: only the JDK's ordinary ones are allowed. */
    void bootstrap(Handle bootstrap, int line) {
        if (!ALLOWED_BOOTSTRAPS.contains(bootstrap.getOwner())) {
            add(line, "bootstraps invokedynamic with " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName(),
                    ForbiddenApi.REFLECTION, Reference.MEMBER);
        }
    }

    /** A {@code native} method. */
    void nativeMethod(String name, int line) {
        add(line, "declares the native method " + name, ForbiddenApi.NATIVE, Reference.MEMBER);
    }

    private void typeOf(Type type, int line) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            String name = elementName(type);
            forbidden.forType(name).ifPresent(family -> add(line, "uses " + name, family, Reference.TYPE));
        }
    }

    private static List<String> parameterTypes(String descriptor) {
        return Arrays.stream(Type.getArgumentTypes(descriptor)).map(Type::getClassName).toList();
    }

    /** The element class of an object or array type, dotted; empty for primitives. */
    private static String elementName(Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        return element.getSort() == Type.OBJECT ? element.getClassName() : "";
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    private void add(int line, String what, ApiFamily family, int rank) {
        references.add(new Reference(className, sourceFile, line, what, family, rank, ""));
    }
}
