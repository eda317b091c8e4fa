/**
 * The sandbox, parent side: runs hidden tests in a child JVM and reports one result per test, whatever the student's
 * code does there.
 *
 * <p>One public way in: {@code Sandbox.create(settings).run(job)} returns a {@link dev.gradecheck.sandbox.SandboxRun}.
 * Everything else here is package-private. The child JVM gets its job over standard input, runs the tests through the
 * runner in {@code dev.gradecheck.sandbox.child}, and reports over an authenticated event file that this package reads
 * as it grows; the child's standard output is never parsed. Limits live here, not in the child: the per-test time
 * limit and the whole job's time cap are enforced by killing the child's process tree; a child that dies takes only
 * the test it was running with it, the rest runs in a fresh child. On Linux the child also runs without network, as
 * an unprivileged user when the grader is root, and with process and file-size limits, when the machine allows.
 */
package dev.gradecheck.sandbox;
