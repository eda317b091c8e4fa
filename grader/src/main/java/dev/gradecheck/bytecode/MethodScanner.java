package dev.gradecheck.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits one method: its declaration (descriptor, signature, thrown types, {@code native}, annotations) and every
 * instruction that names a class or member, tracking the current source line from the {@code LineNumberTable}.
 * Declaration references are judged once the method's first line is known.
 */
final class MethodScanner extends MethodVisitor {

    private final ReferenceJudge judge;
    private final List<IntConsumer> declaration = new ArrayList<>();
    private int line;
    private int firstLine;

    MethodScanner(ReferenceJudge judge, int access, String name, String descriptor, String signature, String[] exceptions) {
        super(Opcodes.ASM9);
        this.judge = judge;
        declaration.add(at -> judge.descriptor(descriptor, at));
        declaration.add(at -> judge.signature(signature, at));
        if (exceptions != null) {
            for (String exception : exceptions) {
                declaration.add(at -> judge.type(exception, "throws", at));
            }
        }
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            declaration.add(at -> judge.nativeMethod(name, at));
        }
    }

    /** Runs {@code reference} with the method's first line once it is known. */
    void atFirstLine(IntConsumer reference) {
        declaration.add(reference);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        declaration.add(at -> judge.descriptor(descriptor, at));
        return null;
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        declaration.add(at -> judge.descriptor(descriptor, at));
        return null;
    }

    @Override
    public void visitLineNumber(int number, Label start) {
        line = number;
        judge.lineSeen(number);
        if (firstLine == 0) {
            firstLine = number;
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        judge.type(type, opcode == Opcodes.NEW ? "creates" : "uses", line);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        judge.member(owner, name, descriptor, "uses", line);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        judge.member(owner, name, descriptor, "calls", line);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        judge.bootstrap(bootstrap, line);
        judge.descriptor(descriptor, line);
        for (Object argument : arguments) {
            judge.constant(argument, line);
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        judge.constant(value, line);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        judge.descriptor(descriptor, line);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        declaration.add(at -> judge.type(type, "catches", at));
    }

    @Override
    public void visitEnd() {
        declaration.forEach(reference -> reference.accept(firstLine));
    }
}
