/**
 * The sandbox's value types, shared by its API ({@code dev.gradecheck.sandbox}) and its parts ({@code job},
 * {@code wire}, {@code isolation}, {@code runtime}): {@link dev.gradecheck.sandbox.spec.SandboxSettings} (the one
 * type of the grader's API here, part of {@code GraderConfig}), {@link dev.gradecheck.sandbox.spec.TestSpec},
 * {@link dev.gradecheck.sandbox.spec.WarmUp}, {@link dev.gradecheck.sandbox.spec.LingeringThreads} and
 * {@link dev.gradecheck.sandbox.spec.ResourceSquat}. They sit below the API and the parts alike, so the sandbox's
 * packages form no cycle; of the other parts they use only {@code warmup} (the warm-up cases a {@code WarmUp}
 * writes ahead of its rehearsal).
 */
package dev.gradecheck.sandbox.spec;
