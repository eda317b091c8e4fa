/**
 * Bytecode check of compiled student classes with ASM (core API only), against the allow-list of
 * {@link dev.gradecheck.policy.ApiPolicy}: every class and member a class refers to — calls, field accesses, instance
 * creation, superclass and interfaces, annotations, descriptors and signatures, catch types, class, method-type and
 * method-handle constants, {@code invokedynamic} and dynamic-constant bootstraps and their arguments — must be allowed;
 * so must be what a member used through a course class may inherit. {@code native} methods and {@code finalize()}
 * overrides are refused; strings naming a class of a named family are reported. Source checks alone are beaten by
 * fully qualified names and computed strings; bytecode is what runs.
 *
 * <p>{@link dev.gradecheck.bytecode.BytecodeScanner} is the way in. Only the JDK's own {@code invokedynamic}
 * bootstraps for string concatenation, lambdas, records and pattern switches are allowed. Refusals are worded by the
 * families of {@link dev.gradecheck.policy.ForbiddenApi}.
 */
package dev.gradecheck.bytecode;
