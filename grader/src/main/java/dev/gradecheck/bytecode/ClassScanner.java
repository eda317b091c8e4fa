package dev.gradecheck.bytecode;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits one class file: its superclass, interfaces, signature, annotations, fields and methods; hands each method's
 * code to a {@link MethodScanner}; a {@code finalize()} override is refused (it runs on the finalizer thread). References in a method's declaration take the method's first line; references
 * outside any method take the class's first line of code.
 */
final class ClassScanner extends ClassVisitor {

    private final ReferenceJudge judge;

    ClassScanner(ReferenceJudge judge) {
        super(Opcodes.ASM9);
        this.judge = judge;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        judge.type(superName, "extends", 0);
        if (interfaces != null) {
            for (String implemented : interfaces) {
                judge.type(implemented, "implements", 0);
            }
        }
        judge.signature(signature, 0);
    }

    @Override
    public void visitSource(String source, String debug) {
        judge.sourceFile(source);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        judge.descriptor(descriptor, 0);
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        judge.descriptor(descriptor, 0);
        judge.signature(signature, 0);
        judge.constant(value, 0);
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                judge.descriptor(annotation, 0);
                return null;
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodScanner scanner = new MethodScanner(judge, access, name, descriptor, signature, exceptions);
        if (name.equals("finalize") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
            scanner.atFirstLine(judge::finalizer);
        }
        return scanner;
    }
}
