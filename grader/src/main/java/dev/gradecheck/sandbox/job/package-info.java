/**
 * One job in the sandbox: its children, one at a time ({@link dev.gradecheck.sandbox.job.ChildSession}), the state of
 * the current one, the ledger of results that survives a child's death, and the messages of tests the sandbox stopped
 * (time limit, the job's cap, a child that died). Uses every other part of the sandbox; sandbox-internal.
 */
package dev.gradecheck.sandbox.job;
