/**
 * What graded code may use: {@link dev.gradecheck.policy.ApiPolicy}, an allow-list of Java SE packages, types and
 * members ({@link dev.gradecheck.policy.ApiPattern}) kept as data in {@code allowed-api.txt}, widened per exercise by
 * its manifest's {@code allow}, plus the course's own classes. The structure stage's {@code forbidden-api} rule and the
 * bytecode check both judge by it; the named families of {@link dev.gradecheck.policy.ForbiddenApi} word the
 * messages of both alike (the bytecode stage borrows nothing from the structure stage). Depends on nothing else of
 * the grader.
 */
package dev.gradecheck.policy;
