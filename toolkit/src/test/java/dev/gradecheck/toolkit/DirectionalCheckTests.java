package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectionalCheckTests {

    private final SoftmaxRegression model = SoftmaxRegression.of(5, 3, 4, 11);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20_240_601})
    void passesTheRightGradientWithoutAnyDiagnosis(long seed) {
        TensorCheck check = Gradients.directional("dW1", model::lossOfWeights, model.weights,
                model.gradientOfWeights(), 3, seed, 5);

        assertTrue(check.passed(), check.toString());
        assertEquals(List.of(), check.diagnoses());
    }

    @ParameterizedTest
    @EnumSource(WeightMistake.class)
    void failsEachConstructedMistakeWithItsCode(WeightMistake mistake) {
        TensorCheck check = Gradients.directional("dW1", model::lossOfWeights, model.weights,
                mistake.applyTo(model.gradientOfWeights()), 3, 7, 5);

        assertFalse(check.passed());
        assertEquals(mistake.code, check.codes().get(0), check.toString());
    }

    @Test
    void explainsAnUnsummedBiasGradient() {
        TensorCheck check = Gradients.directional("db1", model::lossOfBias, model.bias, model.outputGradient(),
                3, 7, 5);

        assertEquals(List.of("missing-batch-sum"), check.codes());
        assertTrue(check.diagnoses().get(0).text().contains("summing your 5 rows gives exactly the right gradient"));
    }

    @Test
    void evaluatesTheLossTwicePerDirectionWhateverTheSize() {
        double[][] large = new double[300][400];
        EvaluationCounter counter = new EvaluationCounter(w -> Tensors.dot(w, w));

        TensorCheck check = Gradients.directional("dW", counter, large, new double[300][400], 4, 1);

        assertTrue(check.passed(), check.toString());
        assertEquals(8, counter.count());
        assertEquals(8, Gradients.directionalEvaluations(4));
    }

    @Test
    void usesThreeSeededDirectionsByDefault() {
        EvaluationCounter counter = new EvaluationCounter(model::lossOfWeights);
        double[][] wrong = WeightMistake.ONE_ENTRY_OFF.applyTo(model.gradientOfWeights());

        TensorCheck first = Gradients.directional("dW1", counter, model.weights, wrong);
        TensorCheck second = Gradients.directional("dW1", model::lossOfWeights, model.weights, wrong);

        assertEquals(2 * Gradients.DEFAULT_DIRECTIONS, counter.count());
        assertEquals(first, second);
    }

    @Test
    void neverModifiesThePointOrTheGradient() {
        double[][] point = Tensors.copy(model.weights);
        double[][] gradient = model.gradientOfWeights();
        double[][] gradientCopy = Tensors.copy(gradient);

        Gradients.directional("dW1", model::lossOfWeights, point, gradient);

        assertArrayEquals(model.weights, point);
        assertArrayEquals(gradientCopy, gradient);
    }

    @Test
    void blamesTheLossWhenItIsNotFinite() {
        TensorCheck check = Gradients.directional("dW1", w -> Double.NaN, model.weights, model.gradientOfWeights());

        assertEquals(List.of("non-finite"), check.codes());
    }

    @Test
    void reportsTheWorstDirection() {
        double[][] wrong = WeightMistake.FIRST_ROW_NEGATED.applyTo(model.gradientOfWeights());

        TensorCheck one = Gradients.directional("dW1", model::lossOfWeights, model.weights, wrong, 1, 9);
        TensorCheck five = Gradients.directional("dW1", model::lossOfWeights, model.weights, wrong, 5, 9);

        assertTrue(five.relativeError() >= one.relativeError());
    }
}
