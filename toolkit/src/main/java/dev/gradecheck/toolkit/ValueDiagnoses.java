package dev.gradecheck.toolkit;

import java.util.Map;

/** Student-facing diagnoses of a gradient of the right shape whose values are wrong. */
final class ValueDiagnoses {

    private ValueDiagnoses() {
    }

    static Finding nonFinite(String name, long count, long size, String firstAt, Map<String, String> numbers) {
        return new Finding("non-finite", name + " contains NaN or Infinity (" + count + " of " + size
                + " entries, first at " + firstAt + ") — look for an unstable softmax or sigmoid (subtract the row"
                + " maximum before exp), exp of large numbers, log(0) or a division by zero.", numbers);
    }

    static Finding nonFiniteExpected(String text, Map<String, String> numbers) {
        return new Finding("non-finite", text, numbers);
    }

    static Finding allZero(String name, Map<String, String> numbers) {
        return new Finding("all-zero", name + " is all zeros but the right gradient is not — the gradient is"
                + " never written, or is reset or overwritten before it is returned.", numbers);
    }

    /** @param transposedError relative error of the transpose, below the course's bar */
    static Finding transposedSquare(String name, double transposedError, Map<String, String> numbers) {
        return new Finding("transposed", name + " is the transpose of the right gradient (relative error of its"
                + " transpose: " + Formats.error(transposedError) + ") — check the order and the transposes in the"
                + " matrix product, e.g. X^T * dZ (not dZ^T * X).", numbers);
    }

    static Finding factorTwo(String name, Map<String, String> numbers) {
        return new Finding("factor-2", name + " is exactly 2 times the right gradient — a factor 2 too many: a term"
                + " counted twice, or the 2 from differentiating a square kept although the loss already has 1/2.",
                numbers);
    }

    static Finding factorHalf(String name, Map<String, String> numbers) {
        return new Finding("factor-half", name + " is exactly half the right gradient — a factor 1/2 too many, or a"
                + " term that appears twice (e.g. the 2 from differentiating a square) counted once.", numbers);
    }

    static Finding signFlipped(String name, Map<String, String> numbers) {
        return new Finding("sign-flipped", name + " is exactly the negative of the right gradient — a sign is"
                + " flipped: differentiate the loss itself (e.g. prediction - target, not target - prediction).",
                numbers);
    }

    static Finding batchMean(String name, int batchSize, Map<String, String> numbers) {
        return new Finding("batch-mean", name + " is exactly 1/" + batchSize + " of the right gradient (batch of "
                + batchSize + ") — you averaged over the batch, but the loss is a SUM over the batch: do not divide"
                + " by the batch size.", numbers);
    }

    static Finding batchScaled(String name, int batchSize, Map<String, String> numbers) {
        return new Finding("batch-scaled", name + " is exactly " + batchSize + " times the right gradient (batch of "
                + batchSize + ") — something is multiplied by the batch size, or a sum over the batch is added"
                + " once per row.", numbers);
    }

    static Finding wrongScale(String name, double scale, Map<String, String> numbers) {
        return new Finding("wrong-scale", name + " is exactly " + Formats.shortScale(scale) + " times the right"
                + " gradient — the direction is right but a constant factor is wrong: check every constant of the"
                + " loss and of its derivative.", numbers);
    }

    static Finding wrongValues(String name, double error, Map<String, String> numbers) {
        ErrorBand band = ErrorBand.of(error);
        String advice = Tolerances.nearMissHint(error, Gradients.PASS_BAR)
                .map(hint -> " — the bar is " + Formats.error(Gradients.PASS_BAR) + hint)
                .orElse(" — re-derive it with the chain rule, one local derivative at a time, and check each against a"
                        + " numerical gradient.");
        return new Finding("wrong-values", name + " has the right shape but wrong values: relative error "
                + Formats.error(error) + ", " + band + " (" + band.explanation() + ")" + advice, numbers);
    }
}
