/**
 * What a child JVM is started from: the runner module ({@code dev.gradecheck.child}, made of the
 * {@code gradecheck-child} and {@code gradecheck-protocol} artifacts found on the grader's class path, with a
 * descriptor written here), the runtime folder shared by graders on the machine (a linked JDK of three modules, the
 * runner jar, the libraries and a class-data archive), a grading's run folder and each child's folder, and the child's
 * command line. Uses {@code sandbox.isolation}, {@code sandbox.wire} and {@code sandbox.warmup}; sandbox-internal.
 */
package dev.gradecheck.sandbox.runtime;
