/**
 * The operating system's part of the sandbox: what this machine allows
 * ({@link dev.gradecheck.sandbox.isolation.IsolationProbe}), the plan made of it (bubblewrap namespaces, a child user
 * id of its own when the grader is root, process and file-size limits), and the child's process tree, killed as a
 * whole. Depends on no other part of the sandbox; sandbox-internal (public only for the sandbox's other packages).
 * See {@code docs/security.md}.
 */
package dev.gradecheck.sandbox.isolation;
