/**
 * The child runner: the code that runs inside the sandbox's child JVM, next to the student's classes.
 *
 * <p>{@link dev.gradecheck.sandbox.child.ChildMain} reads its job from standard input, opens the event file, then
 * runs the selected hidden tests through a JUnit Platform launcher with every automatic registration and every
 * implicit configuration source turned off, so nothing a submission carries on the class path (a
 * {@code junit-platform.properties}, {@code META-INF/services} entries) changes how tests run. Each test's
 * {@code System.out}/{@code System.err} are captured and capped; results leave the JVM only as signed events in the
 * file (see {@link dev.gradecheck.sandbox.child.Wire}), never through standard output.
 *
 * <p>Depends on the JUnit Platform/Jupiter and JSON-P (Parsson) only: nothing else of the grader is on the child's
 * class path. {@link dev.gradecheck.sandbox.child.Wire} is public because the parent side reads the same format.
 */
package dev.gradecheck.sandbox.child;
