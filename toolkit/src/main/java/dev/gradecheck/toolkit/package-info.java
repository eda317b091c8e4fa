/**
 * Gradient-check toolkit for hidden tests: numerical gradients by central differences, the course's relative error
 * and its {@linkplain dev.gradecheck.toolkit.ErrorBand bands}, one {@linkplain dev.gradecheck.toolkit.TensorCheck
 * verdict} per gradient tensor with misconception {@linkplain dev.gradecheck.toolkit.Finding diagnoses}, and
 * {@linkplain dev.gradecheck.toolkit.Verdicts report entries} that the grader turns into partial credit and feedback.
 *
 * <p>Course-agnostic: tensors are {@code double[][]} (row-major, rectangular). The public way in is
 * {@link dev.gradecheck.toolkit.Gradients} for checking and {@link dev.gradecheck.toolkit.Verdicts} for reporting;
 * everything else in the package is package-private machinery. The only dependency is the JUnit Jupiter API.
 *
 * <p>All methods are stateless and thread-safe; arrays passed in are never modified.
 */
package dev.gradecheck.toolkit;
