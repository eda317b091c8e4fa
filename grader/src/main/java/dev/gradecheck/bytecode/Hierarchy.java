package dev.gradecheck.bytecode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The course's classes (the submission's and the provided ones) by internal name: superclass, interfaces and the
 * names of the members each declares. Tells which JDK types a member used through a course class may come from: a
 * student class extending {@code ArrayList} that calls {@code parallelStream()} calls it on itself in bytecode.
 */
final class Hierarchy {

    /** One class's header. */
    private record Header(String superName, List<String> interfaces, Set<String> members) {
    }

    private final Map<String, Header> headers = new HashMap<>();

    /** Adds the header of one class file; a file ASM cannot read is left out (the scan reports it). */
    void add(byte[] classFile) {
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                private String name;
                private final Set<String> members = new HashSet<>();
                private String superName;
                private List<String> interfaces = List.of();

                @Override
                public void visit(int version, int access, String className, String signature, String superClass,
                                  String[] implemented) {
                    name = className;
                    superName = superClass;
                    interfaces = implemented == null ? List.of() : List.of(implemented);
                }

                @Override
                public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
                    members.add(field);
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    members.add(method);
                    return null;
                }

                @Override
                public void visitEnd() {
                    headers.put(name, new Header(superName, interfaces, Set.copyOf(members)));
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // Not a class file; BytecodeScanner reports it when it is the submission's.
        }
    }

    /** True when {@code internalName} is one of the course's classes. */
    boolean knows(String internalName) {
        return headers.containsKey(internalName);
    }

    /** The internal names of the top-level classes known, e.g. {@code backprop/mlp/Mlp}. */
    Set<String> topLevelNames() {
        Set<String> names = new HashSet<>();
        headers.keySet().forEach(name -> names.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name));
        return names;
    }

    /**
     * The JDK types a member {@code name} used on the course class {@code owner} may be inherited from: the first
     * non-course ancestors on every path up from {@code owner} that no course class declaring {@code name} cuts off,
     * plus {@code java/lang/Object}. Empty when {@code owner} or a course class below the JDK declares it everywhere.
     */
    Set<String> jdkOrigins(String owner, String name) {
        Set<String> origins = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(owner));
        boolean open = false;
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (!seen.add(type)) {
                continue;
            }
            Header header = headers.get(type);
            if (header == null) {
                origins.add(type);
                continue;
            }
            if (header.members().contains(name)) {
                continue;
            }
            open = true;
            if (header.superName() != null) {
                pending.push(header.superName());
            }
            header.interfaces().forEach(pending::push);
        }
        if (open) {
            origins.add("java/lang/Object");
        }
        return origins;
    }
}
