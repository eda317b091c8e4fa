/**
 * The sandbox's warm-up cases: a test class of the grader's own, in the style of a hidden test, that a child started
 * ahead of its job runs before the rehearsal, and that the training child runs to record the classes of the
 * class-data archive. Lives in the grader (it uses the gradient toolkit, which the child runner must not) and reaches
 * a child only as bytes: in memory with the rehearsal, or in the runtime folder for training.
 */
package dev.gradecheck.sandbox.warmup;
