package dev.gradecheck.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an analytical gradient and a {@link Reference} into a {@link TensorCheck}: the verdict first (shape, finite,
 * relative error below {@link Gradients#PASS_BAR}), then, only for a failure, the diagnoses in order of
 * specificity. A passing gradient never gets a diagnosis.
 */
final class Diagnoser {

    private Diagnoser() {
    }

    /**
     * @param actual    the student's gradient; may be null or ragged (both are diagnosed, not thrown)
     * @param batchSize the batch size for the batch fingerprints, 1 when there is no batch
     */
    static TensorCheck check(String name, double[][] actual, Reference reference, int batchSize) {
        if (actual == null) {
            return failed(name, ShapeDiagnoses.returnedNull(name, reference.shape()));
        }
        Optional<String> raggedness = Tensors.raggedness(actual);
        if (raggedness.isPresent()) {
            return failed(name, ShapeDiagnoses.ragged(name, raggedness.get(), reference.shape()));
        }
        if (!Shape.of(actual).equals(reference.shape())) {
            return TensorCheck.failed(name, Double.NaN, shapeFindings(name, actual, reference));
        }
        return checkValues(name, actual, reference, batchSize);
    }

    private static TensorCheck checkValues(String name, double[][] actual, Reference reference, int batchSize) {
        Map<String, String> shapes = Figures.shapes(reference.shape(), Shape.of(actual)).map();
        if (!Tensors.allFinite(reference.expected())) {
            return failed(name, ValueDiagnoses.nonFiniteExpected(reference.nonFiniteExpectation(name), shapes));
        }
        Optional<Finding> nonFinite = nonFinite(name, actual, shapes);
        if (nonFinite.isPresent()) {
            return failed(name, nonFinite.get());
        }
        double error = reference.error(reference.project(actual));
        if (error < Gradients.PASS_BAR) {
            return TensorCheck.passed(name, error);
        }
        return TensorCheck.failed(name, error, List.of(valueFinding(name, actual, reference, error, batchSize)));
    }

    private static TensorCheck failed(String name, Finding finding) {
        return TensorCheck.failed(name, Double.NaN, List.of(finding));
    }

    /** Transposed shape, unsummed batch, or some other shape; plus NaN/Inf if present. */
    private static List<Finding> shapeFindings(String name, double[][] actual, Reference reference) {
        Shape shape = Shape.of(actual);
        Shape expected = reference.shape();
        List<Finding> findings = new ArrayList<>();
        if (shape.equals(expected.transposed())) {
            double fixed = errorOf(Tensors.transpose(actual), reference);
            findings.add(ShapeDiagnoses.transposed(name, shape, expected, fixed));
        } else if (expected.rows() == 1 && shape.rows() > 1 && shape.columns() == expected.columns()) {
            double fixed = errorOf(Tensors.sumRows(actual), reference);
            findings.add(ShapeDiagnoses.missingBatchSum(name, shape, expected, fixed));
        } else {
            findings.add(ShapeDiagnoses.wrongShape(name, shape, expected));
        }
        nonFinite(name, actual, Figures.shapes(expected, shape).map()).ifPresent(findings::add);
        return findings;
    }

    private static Optional<Finding> nonFinite(String name, double[][] actual, Map<String, String> numbers) {
        long count = Tensors.countNonFinite(actual);
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(ValueDiagnoses.nonFinite(name, count, Shape.of(actual).size(), firstNonFinite(actual),
                numbers));
    }

    private static String firstNonFinite(double[][] actual) {
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                if (!Double.isFinite(actual[i][j])) {
                    return "row " + i + ", column " + j;
                }
            }
        }
        throw new IllegalStateException("no non-finite entry");
    }

    /** All-zero, square transpose, an exact scale, or (failing all) wrong values with the band. */
    private static Finding valueFinding(String name, double[][] actual, Reference reference, double error,
                                        int batchSize) {
        ScaleFit fit = ScaleFit.of(reference.project(actual), reference.expected());
        Map<String, String> numbers = Figures.shapes(reference.shape(), Shape.of(actual)).error(error)
                .scale(fit.scale()).batch(batchSize).map();
        if (Tensors.allZero(Tensors.flatten(actual))) {
            return ValueDiagnoses.allZero(name, numbers);
        }
        double transposedError = reference.shape().isSquare() ? errorOf(Tensors.transpose(actual), reference)
                : Double.NaN;
        if (transposedError < Gradients.PASS_BAR) {
            return ValueDiagnoses.transposedSquare(name, transposedError, numbers);
        }
        return scaleFinding(name, fit, batchSize, numbers)
                .orElseGet(() -> ValueDiagnoses.wrongValues(name, error, numbers));
    }

    private static Optional<Finding> scaleFinding(String name, ScaleFit fit, int batchSize,
                                                  Map<String, String> numbers) {
        if (batchSize > 1 && fit.matches(1.0 / batchSize)) {
            return Optional.of(ValueDiagnoses.batchMean(name, batchSize, numbers));
        }
        if (batchSize > 1 && fit.matches(batchSize)) {
            return Optional.of(ValueDiagnoses.batchScaled(name, batchSize, numbers));
        }
        if (fit.matches(2)) {
            return Optional.of(ValueDiagnoses.factorTwo(name, numbers));
        }
        if (fit.matches(0.5)) {
            return Optional.of(ValueDiagnoses.factorHalf(name, numbers));
        }
        if (fit.matches(-1)) {
            return Optional.of(ValueDiagnoses.signFlipped(name, numbers));
        }
        // One value is always an exact multiple of another: an unnamed scale means something only from two on.
        if (fit.isClean() && fit.count() >= 2) {
            return Optional.of(ValueDiagnoses.wrongScale(name, fit.scale(), numbers));
        }
        return Optional.empty();
    }

    private static double errorOf(double[][] candidate, Reference reference) {
        return reference.error(reference.project(candidate));
    }
}
