package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampledCheckTests {

    private final SoftmaxRegression model = SoftmaxRegression.of(5, 3, 4, 11);
    private final SampledGradient sampledWeights = Gradients.numerical(model::lossOfWeights, model.weights,
            Gradients.DEFAULT_STEP, 6, 99);

    @Test
    void passesTheRightGradientWithoutAnyDiagnosis() {
        TensorCheck check = Gradients.checkSampled("dW1", model.gradientOfWeights(), sampledWeights, 5);

        assertTrue(check.passed(), check.toString());
        assertEquals(List.of(), check.diagnoses());
    }

    @ParameterizedTest
    @EnumSource(value = WeightMistake.class, names = {"DOUBLED", "HALVED", "NEGATED", "AVERAGED_OVER_BATCH",
        "MULTIPLIED_BY_BATCH", "SCALED_BY_A_THIRD", "TRANSPOSED", "ZEROED", "WITH_NAN", "NULL", "MISSING_A_ROW",
        "RAGGED"})
    void failsConstructedMistakesWithTheirCode(WeightMistake mistake) {
        TensorCheck check = Gradients.checkSampled("dW1", mistake.applyTo(model.gradientOfWeights()),
                sampledWeights, 5);

        assertFalse(check.passed());
        assertEquals(mistake.code, check.codes().get(0), check.toString());
    }

    @Test
    void explainsAnUnsummedBiasGradientFromTheFullShape() {
        SampledGradient sampledBias = Gradients.numerical(model::lossOfBias, model.bias, Gradients.DEFAULT_STEP, 2,
                1);

        TensorCheck check = Gradients.checkSampled("db1", model.outputGradient(), sampledBias, 5);

        assertEquals(List.of("missing-batch-sum"), check.codes());
        assertTrue(check.diagnoses().get(0).text().contains("summing your 5 rows gives exactly the right gradient"));
    }
}
