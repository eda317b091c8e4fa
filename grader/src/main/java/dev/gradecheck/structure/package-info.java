/**
 * Structure checks over student sources with JavaParser, reported even when the sources do not compile.
 *
 * <p>{@link dev.gradecheck.structure.StructureChecker} is the way in; it runs the rules an exercise manifest declares
 * ({@link dev.gradecheck.structure.StructureRule}), one small class per rule behind the package-private {@code Rule}
 * interface: {@code required-api} (the template's public signatures, read from its stubs by
 * {@link dev.gradecheck.structure.ApiCatalog}, with did-you-mean hints), {@code forbidden-calls} (calls a named method
 * must not make) and {@code forbidden-api} (the allow-list {@link dev.gradecheck.policy.ApiPolicy}, shared with the
 * bytecode scan, its refusals worded by the named families of {@link dev.gradecheck.policy.ForbiddenApi}). Parsing always uses a configured {@code JavaParser} (Java 17), on a thread with a large
 * stack and a time limit, so hostile sources become findings, never crashes or stalls.
 */
package dev.gradecheck.structure;
