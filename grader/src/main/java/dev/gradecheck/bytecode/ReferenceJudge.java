package dev.gradecheck.bytecode;

import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ForbiddenApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Judges the names bytecode refers to against the allow-list {@link ApiPolicy}, in bytecode's own terms: internal
 * names ({@code java/lang/System}), descriptors, generic signatures, method handles and bootstrap arguments; words each
 * refusal by {@link ForbiddenApi}'s families. Collects what it refuses for one class; not thread-safe.
 *
 * <p>A member used through a course class (a student class extending {@code ArrayList}) is judged on the JDK types it
 * may be inherited from. The descriptor of an allowed member is not judged again: what it takes and returns is the
 * API's, and every use of a returned object is judged by its own member.
 */
final class ReferenceJudge {

    /**
     * The JDK's bootstraps javac emits for ordinary code: string concatenation, lambdas and method references,
     * records' methods, pattern and enum switches. Every other bootstrap is refused, whatever a course allows.
     */
    static final Set<String> ALLOWED_BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/runtime/ObjectMethods.bootstrap", "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch");

    private final ApiPolicy policy;
    private final ForbiddenApi families;
    private final Hierarchy hierarchy;
    private final String className;
    private String sourceFile = "";
    private int firstLine;
    private final List<Reference> references = new ArrayList<>();

    ReferenceJudge(ApiPolicy policy, Hierarchy hierarchy, String className) {
        this.policy = policy;
        this.families = ForbiddenApi.standard();
        this.hierarchy = hierarchy;
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
     * What was refused. References outside code (a superclass, a field type, a native method) carry the class's
     * first line of code, usually its constructor at the class's declaration.
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
        if (!name.isEmpty() && !policy.allowsType(name)) {
            add(line, verb + " " + name, families.familyOfType(name), rankOf(verb));
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

                @Override
                public void visitInnerClassType(String name) {
                    // The outer class was judged; the inner one is named relative to it.
                }
            });
        } catch (IllegalArgumentException e) {
            // A malformed signature is only metadata; the descriptor is still judged.
        }
    }

    /** A field access or method call, judged by its owner (the static type it is used on) and name. */
    void member(String owner, String name, String descriptor, String verb, int line) {
        if (owner.startsWith("[")) {
            type(owner, "uses", line);
            return;
        }
        if (hierarchy.knows(owner)) {
            for (String origin : hierarchy.jdkOrigins(owner, name)) {
                jdkMember(origin, name, descriptor, verb, line);
            }
            return;
        }
        jdkMember(owner, name, descriptor, verb, line);
    }

    private void jdkMember(String owner, String name, String descriptor, String verb, int line) {
        String type = dotted(owner);
        if (policy.allowsMember(type, name)) {
            return;
        }
        String what = name.equals("<init>") ? "creates " + type : verb + " " + type + "." + name;
        List<String> parameters = parameterTypes(descriptor);
        ApiFamily family = families.familyOfMember(type, name, parameters);
        boolean specific = policy.allowsType(type) || families.forMember(type, name).isPresent()
                || name.equals("<init>") && families.forConstructor(type, parameters).isPresent();
        int rank = specific ? Reference.MEMBER : Reference.CALL;
        references.add(new Reference(className, sourceFile, line, what, family, rank, type));
    }

    /** A constant loaded by {@code ldc} or passed to a bootstrap: class, method type, handle, dynamic, string. */
    void constant(Object value, int line) {
        if (value instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                descriptor(type.getDescriptor(), line);
            } else {
                String name = elementName(type);
                if (!name.isEmpty() && !policy.allowsType(name)) {
                    add(line, "loads the class " + name, families.familyOfType(name), Reference.TYPE);
                }
            }
        } else if (value instanceof Handle handle) {
            member(handle.getOwner(), handle.getName(), handle.getDesc(), "refers to", line);
        } else if (value instanceof ConstantDynamic dynamic) {
            bootstrap(dynamic.getBootstrapMethod(), line);
            descriptor(dynamic.getDescriptor(), line);
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i), line);
            }
        } else if (value instanceof String text) {
            families.forNamedClass(text).filter(family -> !policy.allowsType(text.strip().replace('/', '.')))
                    .ifPresent(family -> add(line, "names " + text.strip() + " in a string", family, Reference.STRING));
        }
    }

    /** An {@code invokedynamic} or dynamic-constant bootstrap method: only the JDK's ordinary ones are allowed. */
    void bootstrap(Handle bootstrap, int line) {
        if (!ALLOWED_BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())
                || bootstrap.getTag() != Opcodes.H_INVOKESTATIC) {
            add(line, "bootstraps invokedynamic with " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName(),
                    ForbiddenApi.REFLECTION, Reference.MEMBER);
        }
    }

    /** A {@code native} method. */
    void nativeMethod(String name, int line) {
        add(line, "declares the native method " + name, ForbiddenApi.NATIVE, Reference.MEMBER);
    }

    /** A {@code finalize()} override: the JVM runs it on its finalizer thread, after the test that made the object. */
    void finalizer(int line) {
        add(line, "declares finalize(), which the JVM runs on its own finalizer thread", ForbiddenApi.THREADS,
                Reference.MEMBER);
    }

    private void typeOf(Type type, int line) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            String name = elementName(type);
            if (!name.isEmpty() && !policy.allowsType(name)) {
                add(line, "uses " + name, families.familyOfType(name), Reference.TYPE);
            }
        }
    }

    private static List<String> parameterTypes(String descriptor) {
        if (descriptor == null || !descriptor.startsWith("(")) {
            return List.of();
        }
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
