package dev.gradecheck.structure;

import java.util.Objects;

/**
 * A call a method must not make, as a manifest writes it: a method name ({@code forward}, whatever the receiver),
 * every method of a type ({@code GradientCheck.*}, also through static imports) or one method of a type
 * ({@code GradientCheck.relativeError}); a type may be written fully qualified.
 *
 * @param typeName the type's simple name, empty for a bare method name
 * @param methodName the method's name, or {@code *} for every method of the type
 * @param text the pattern as written
 */
record CallPattern(String typeName, String methodName, String text) {

    CallPattern {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(text, "text");
    }

    /** Reads {@code forward}, {@code GradientCheck.*} or {@code backprop.gradcheck.GradientCheck.relativeError}. */
    static CallPattern parse(String text) {
        String pattern = text.strip();
        int dot = pattern.lastIndexOf('.');
        if (dot < 0) {
            return new CallPattern("", pattern, pattern);
        }
        String type = pattern.substring(0, dot);
        return new CallPattern(type.substring(type.lastIndexOf('.') + 1), pattern.substring(dot + 1), pattern);
    }

    /** True when a pattern names a type. */
    boolean hasType() {
        return !typeName.isEmpty();
    }

    /** True when {@code name} is a method this pattern covers. */
    boolean coversMethod(String name) {
        return methodName.equals("*") || methodName.equals(name);
    }

    /**
     * True when {@code receiver} (the call's scope as written, e.g. {@code GradientCheck} or
     * {@code backprop.gradcheck.GradientCheck}) is the pattern's type.
     */
    boolean isType(String receiver) {
        return receiver.equals(typeName) || receiver.endsWith("." + typeName);
    }
}
