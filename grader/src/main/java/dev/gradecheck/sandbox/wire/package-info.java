/**
 * The parent's side of the protocol with the child runner ({@code dev.gradecheck.protocol}): the job message on the
 * child's standard input, the event file read and authenticated as it grows ({@link dev.gradecheck.sandbox.wire.EventReader}),
 * decoded failures and student-facing failure messages, report entries (credit and diagnoses) and integrity events.
 * Depends on no other part of the sandbox; sandbox-internal (public only for the sandbox's other packages).
 */
package dev.gradecheck.sandbox.wire;
