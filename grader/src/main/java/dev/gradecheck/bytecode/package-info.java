/**
 * Bytecode check of compiled student classes with ASM (core API only): every reference to a forbidden API family of
 * {@link dev.gradecheck.structure.ForbiddenApi}, by owner, name and descriptor — calls, field accesses, instance
 * creation, type references in descriptors and signatures, class constants, {@code invokedynamic} bootstrap methods
 * and their arguments, strings naming forbidden classes, {@code native} methods. Source checks alone are beaten by
 * fully qualified names and computed strings; bytecode is what runs.
 *
 * <p>{@link dev.gradecheck.bytecode.BytecodeScanner} is the way in. The JDK's own {@code invokedynamic} bootstraps for
 * string concatenation, lambdas, records and pattern switches are allowed.
 */
package dev.gradecheck.bytecode;
