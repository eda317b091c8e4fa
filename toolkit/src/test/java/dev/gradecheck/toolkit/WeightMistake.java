package dev.gradecheck.toolkit;

import java.util.function.UnaryOperator;

/**
 * Test fixture: constructed wrong versions of a right gradient {@code dW} (3x4, batch of 5), each with the code the
 * toolkit must diagnose.
 */
enum WeightMistake {
    DOUBLED("factor-2", g -> SoftmaxRegression.scaled(g, 2)),
    HALVED("factor-half", g -> SoftmaxRegression.scaled(g, 0.5)),
    NEGATED("sign-flipped", g -> SoftmaxRegression.scaled(g, -1)),
    AVERAGED_OVER_BATCH("batch-mean", g -> SoftmaxRegression.scaled(g, 1.0 / 5)),
    MULTIPLIED_BY_BATCH("batch-scaled", g -> SoftmaxRegression.scaled(g, 5)),
    SCALED_BY_A_THIRD("wrong-scale", g -> SoftmaxRegression.scaled(g, 1.0 / 3)),
    TRANSPOSED("transposed", Tensors::transpose),
    ZEROED("all-zero", g -> new double[g.length][g[0].length]),
    WITH_NAN("non-finite", g -> withEntry(g, 1, 2, Double.NaN)),
    WITH_INFINITY("non-finite", g -> withEntry(g, 0, 0, Double.POSITIVE_INFINITY)),
    NULL("wrong-shape", g -> null),
    MISSING_A_ROW("wrong-shape", g -> new double[][] {g[0], g[1]}),
    RAGGED("wrong-shape", g -> new double[][] {g[0], g[1], {1}}),
    ONE_ENTRY_OFF("wrong-values", g -> withEntry(g, 2, 3, g[2][3] + 0.5)),
    FIRST_ROW_NEGATED("wrong-values", g -> {
        double[][] wrong = Tensors.copy(g);
        wrong[0] = SoftmaxRegression.scaled(new double[][] {g[0]}, -1)[0];
        return wrong;
    });

    final String code;
    private final UnaryOperator<double[][]> mistake;

    WeightMistake(String code, UnaryOperator<double[][]> mistake) {
        this.code = code;
        this.mistake = mistake;
    }

    double[][] applyTo(double[][] rightGradient) {
        return mistake.apply(Tensors.copy(rightGradient));
    }

    private static double[][] withEntry(double[][] g, int row, int column, double value) {
        g[row][column] = value;
        return g;
    }
}
