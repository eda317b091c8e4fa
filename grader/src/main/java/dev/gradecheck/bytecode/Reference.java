package dev.gradecheck.bytecode;

import dev.gradecheck.policy.ApiFamily;
import java.util.Objects;

/**
 * One reference the allow-list refuses, found in a class file.
 *
 * @param className the internal name of the class holding it, e.g. {@code backprop/mlp/Mlp$1}
 * @param sourceFile the class's {@code SourceFile} attribute, e.g. {@code Mlp.java}; empty when absent
 * @param line the source line from the {@code LineNumberTable}, 0 when unknown
 * @param what what the code does, e.g. {@code calls java.lang.System.exit}
 * @param family the family that words the refusal; {@code not-allowed} when no named family covers it
 * @param rank how specific: a forbidden member (3) before a call on a forbidden type (2), a type reference (1) and a
 *     string (0); one finding per line and family keeps the most specific
 * @param owner the dotted name of the type the referenced member belongs to; empty for other references
 */
record Reference(String className, String sourceFile, int line, String what, ApiFamily family, int rank, String owner) {

    static final int MEMBER = 3;
    static final int CALL = 2;
    static final int TYPE = 1;
    static final int STRING = 0;

    Reference {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(owner, "owner");
    }

    /** The same reference on another line. */
    Reference atLine(int otherLine) {
        return new Reference(className, sourceFile, otherLine, what, family, rank, owner);
    }
}
