package dev.gradecheck.toolkit;

import java.util.regex.Pattern;

/** Student-facing diagnoses of a gradient whose shape is wrong (or which is missing). */
final class ShapeDiagnoses {

    /** {@code d} + a capitalised name ({@code dW1}, {@code dZ}) or + one letter and digits ({@code db1}, {@code dx}). */
    private static final Pattern GRADIENT_NAME = Pattern.compile("d([A-Z]\\w*|[a-z]\\d*)");

    private ShapeDiagnoses() {
    }

    static Finding returnedNull(String name, Shape expected) {
        return new Finding("wrong-shape", name + " returned null; expected a " + expected + " gradient — return"
                + " a new array of the parameter's shape, even when every entry is zero.",
                Figures.shapes(expected, null).put("actual_shape", "null").map());
    }

    static Finding ragged(String name, String problem, Shape expected) {
        return new Finding("wrong-shape", name + " is not a matrix (" + problem + ") but must be " + expected
                + " — give every row the same number of entries.",
                Figures.shapes(expected, null).put("actual_shape", "ragged").map());
    }

    static Finding wrongShape(String name, Shape actual, Shape expected) {
        return new Finding("wrong-shape", name + " has shape " + actual + " but " + parameterPhrase(name)
                + " is " + expected + " — a gradient always has exactly the shape of the tensor it belongs to.",
                Figures.shapes(expected, actual).map());
    }

    /** @param fixedError the relative error of the transposed gradient, NaN if not computed */
    static Finding transposed(String name, Shape actual, Shape expected, double fixedError) {
        String confirmation = fixedError < Gradients.PASS_BAR ? " (its transpose is exactly the right gradient)"
                : "";
        return new Finding("transposed", name + " has shape " + actual + " but " + parameterPhrase(name) + " is "
                + expected + ": it is transposed" + confirmation + " — check the order and the transposes in the"
                + " matrix product, e.g. X^T * dZ (not dZ^T * X).",
                Figures.shapes(expected, actual).put("relative_error_transposed",
                        Formats.preciseError(fixedError)).map());
    }

    /** @param rowSumError the relative error of the column sums of the gradient, NaN if not computed */
    static Finding missingBatchSum(String name, Shape actual, Shape expected, double rowSumError) {
        String confirmation = rowSumError < Gradients.PASS_BAR ? "; summing your " + actual.rows()
                + " rows gives exactly the right gradient" : "";
        String parameter = parameterPhrase(name);
        return new Finding("missing-batch-sum", name + " has shape " + actual + " but " + parameter + " is "
                + expected + ": " + parameter + " is shared by all rows of the batch, so its gradient is the SUM of"
                + " the per-row gradients (sum over rows)" + confirmation + ".",
                Figures.shapes(expected, actual).put("relative_error_row_sum",
                        Formats.preciseError(rowSumError)).map());
    }

    /**
     * Names the parameter a gradient belongs to from the first word of its name: {@code dW1 -> W1},
     * {@code db1 (batch of 5) -> b1}, {@code dZ -> Z}; any other name gives "its parameter" (so that
     * {@code derivative ...} is not misread).
     */
    static String parameterPhrase(String name) {
        String word = name.split("[\\s(]", 2)[0];
        return GRADIENT_NAME.matcher(word).matches() ? word.substring(1) : "its parameter";
    }
}
