/**
 * The sandbox, parent side: runs hidden tests in a child JVM and reports one result per test, whatever the student's
 * code does there.
 *
 * <p>This package is the sandbox's API and the only one the rest of the grader uses: {@code Sandbox.create(settings)
 * .run(job)} (or {@code prepare(job)} ahead of the grading) returns a {@link dev.gradecheck.sandbox.SandboxRun};
 * {@link dev.gradecheck.sandbox.spec.SandboxSettings}, {@link dev.gradecheck.sandbox.spec.TestSpec},
 * {@link dev.gradecheck.sandbox.spec.WarmUp} and the result types travel with it. The work is done by its parts, which
 * form no cycle among themselves nor with this package:
 * <ul>
 *   <li>{@code sandbox.spec}: the value types this package's API and the parts share (settings, test specs, the
 *       warm-up, lingering threads, resource squats), below both, so that no part depends on this package;</li>
 *   <li>{@code sandbox.job}: one job's children, one at a time, and the ledger of its results; the per-test time
 *       limit and the job's cap are enforced here by killing the child's process tree; student-facing messages of
 *       stopped tests;</li>
 *   <li>{@code sandbox.wire}: the parent's side of the protocol ({@code dev.gradecheck.protocol}): the job message,
 *       the authenticated event file read as it grows, failures, report entries, integrity events;</li>
 *   <li>{@code sandbox.isolation}: the operating system's part: bubblewrap, the child users, the process tree, the
 *       probe of what this machine allows;</li>
 *   <li>{@code sandbox.runtime}: what a child is started from: the runner module made of the {@code gradecheck-child}
 *       and {@code gradecheck-protocol} artifacts, the shared runtime folder with its linked JDK and class-data
 *       archive, run folders, the command line;</li>
 *   <li>{@code sandbox.warmup}: the warm-up cases a child runs before its job.</li>
 * </ul>
 * The child JVM gets its job over standard input, runs the tests through the runner ({@code dev.gradecheck.child}),
 * and reports over an authenticated event file; its standard output is never parsed. A child that dies takes only the
 * test it was running with it, the rest runs in a fresh child. On Linux the child also runs without network, as an
 * unprivileged user when the grader is root, and with process and file-size limits, when the machine allows.
 */
package dev.gradecheck.sandbox;
