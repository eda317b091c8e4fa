/**
 * The child runner: the code that runs inside the sandbox's child JVM, next to the student's classes.
 *
 * <p>{@link dev.gradecheck.child.ChildMain} reads its job from standard input, opens the event file, then runs the
 * selected hidden tests through a JUnit Platform launcher with every automatic registration and every implicit
 * configuration source turned off, so nothing a submission carries on the class path (a
 * {@code junit-platform.properties}, {@code META-INF/services} entries) changes how tests run. Each test's
 * {@code System.out}/{@code System.err} are captured and capped; results leave the JVM only as signed events in the
 * file (see {@link dev.gradecheck.protocol.Wire}), never through standard output.
 *
 * <p>A Maven module of its own ({@code gradecheck-child}) whose build admits the JUnit Platform/Jupiter, JSON-P
 * (Parsson) and {@code gradecheck-protocol} only: nothing of the grader and no gradient toolkit is on its class path,
 * and the grader never compiles against it. The grader turns these classes and the protocol's into the child's
 * runner module ({@code dev.gradecheck.child}), which exports only the protocol's package and opens nothing.
 */
package dev.gradecheck.child;
