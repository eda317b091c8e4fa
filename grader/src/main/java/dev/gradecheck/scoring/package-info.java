/**
 * Turns what the pipeline observed — test results, findings, whether the tests could run — and the exercise manifest
 * into scores: per test ({@code points × credit}, or all-or-nothing), per exercise (findings applied) and in total.
 *
 * <p>Pure functions of their inputs; all rounding is to 2 decimals, half up, so reports are deterministic.
 */
package dev.gradecheck.scoring;
