package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckDiagnosisTests {

    private final SoftmaxRegression model = SoftmaxRegression.of(5, 3, 4, 11);
    private final double[][] expectedWeights = Gradients.numerical(model::lossOfWeights, model.weights);
    private final double[][] expectedBias = Gradients.numerical(model::lossOfBias, model.bias);

    @Test
    void passesTheRightGradientsWithoutAnyDiagnosis() {
        TensorCheck weights = Gradients.check("dW1", model.gradientOfWeights(), expectedWeights, 5);
        TensorCheck bias = Gradients.check("db1", model.gradientOfBias(), expectedBias, 5);

        for (TensorCheck check : List.of(weights, bias)) {
            assertTrue(check.passed(), check.toString());
            assertEquals(List.of(), check.diagnoses());
            assertEquals(ErrorBand.EXCELLENT, check.band());
            assertTrue(check.relativeError() < 1e-7);
        }
    }

    @ParameterizedTest
    @EnumSource(WeightMistake.class)
    void failsEachConstructedMistakeWithItsCode(WeightMistake mistake) {
        TensorCheck check = Gradients.check("dW1", mistake.applyTo(model.gradientOfWeights()), expectedWeights, 5);

        assertFalse(check.passed());
        assertEquals(mistake.code, check.codes().get(0), check.toString());
    }

    @Test
    void reportsTheFittedScaleAndShapesOfAScaledGradient() {
        TensorCheck check = Gradients.check("dW1", WeightMistake.DOUBLED.applyTo(model.gradientOfWeights()),
                expectedWeights, 5);

        Map<String, String> numbers = check.diagnoses().get(0).numbers();
        assertEquals("2.00000", numbers.get("fitted_scale"));
        assertEquals("3x4", numbers.get("expected_shape"));
        assertEquals("3x4", numbers.get("actual_shape"));
        assertEquals("5", numbers.get("batch_size"));
        assertEquals("3.333e-01", numbers.get("relative_error"));
        assertEquals("WRONG", numbers.get("band"));
        assertEquals(ErrorBand.WRONG, check.band());
    }

    @Test
    void tellsABatchAveragedGradientThatTheLossIsASum() {
        TensorCheck check = Gradients.check("dW1", WeightMistake.AVERAGED_OVER_BATCH.applyTo(
                model.gradientOfWeights()), expectedWeights, 5);

        assertEquals("dW1 is exactly 1/5 of the right gradient (batch of 5) — you averaged over the batch, but the"
                + " loss is a SUM over the batch: do not divide by the batch size.", check.diagnoses().get(0).text());
    }

    @Test
    void reportsScalesAsFactorsWhenNoBatchIsDeclared() {
        double[][] fifth = SoftmaxRegression.scaled(model.gradientOfWeights(), 0.2);

        TensorCheck check = Gradients.check("dW1", fifth, expectedWeights);

        assertEquals(List.of("wrong-scale"), check.codes());
        assertTrue(check.diagnoses().get(0).text().startsWith("dW1 is exactly 0.2 times the right gradient"),
                check.diagnoses().get(0).text());
    }

    @Test
    void explainsAnUnsummedBiasGradientAndConfirmsThatSummingFixesIt() {
        TensorCheck check = Gradients.check("db1", model.outputGradient(), expectedBias, 5);

        assertEquals(List.of("missing-batch-sum"), check.codes());
        Finding finding = check.diagnoses().get(0);
        assertEquals("db1 has shape 5x4 but b1 is 1x4: b1 is shared by all rows of the batch, so its gradient is"
                + " the SUM of the per-row gradients (sum over rows); summing your 5 rows gives exactly the right"
                + " gradient.", finding.text());
        assertEquals("5x4", finding.numbers().get("actual_shape"));
        assertEquals("1x4", finding.numbers().get("expected_shape"));
        assertTrue(Double.isNaN(check.relativeError()));
    }

    @Test
    void explainsAnUnsummedBiasGradientEvenWhenItsRowsAreAlsoWrong() {
        double[][] unsummed = SoftmaxRegression.scaled(model.outputGradient(), 3);

        Finding finding = Gradients.check("db1", unsummed, expectedBias, 5).diagnoses().get(0);

        assertEquals("missing-batch-sum", finding.code());
        assertFalse(finding.text().contains("summing your"), finding.text());
    }

    @Test
    void recognisesTheTransposeOfASquareGradientByItsValues() {
        SoftmaxRegression square = SoftmaxRegression.of(5, 3, 3, 5);
        double[][] expected = Gradients.numerical(square::lossOfWeights, square.weights);

        TensorCheck check = Gradients.check("dW2", Tensors.transpose(square.gradientOfWeights()), expected);

        assertEquals(List.of("transposed"), check.codes());
        assertTrue(check.diagnoses().get(0).text().startsWith("dW2 is the transpose of the right gradient"));
    }

    @Test
    void namesTheShapeOfATransposedRectangularGradient() {
        TensorCheck check = Gradients.check("dW1", Tensors.transpose(model.gradientOfWeights()), expectedWeights);

        assertTrue(check.diagnoses().get(0).text().startsWith("dW1 has shape 4x3 but W1 is 3x4: it is transposed"
                + " (its transpose is exactly the right gradient)"), check.diagnoses().get(0).text());
    }

    @Test
    void saysWhatANullGradientShouldHaveBeen() {
        Finding finding = Gradients.check("dW1", null, expectedWeights).diagnoses().get(0);

        assertEquals("dW1 returned null; expected a 3x4 gradient — return a new array of the parameter's shape,"
                + " even when every entry is zero.", finding.text());
        assertEquals("null", finding.numbers().get("actual_shape"));
    }

    @Test
    void pointsAtTheFirstNonFiniteEntryAndTheUsualCauses() {
        double[][] actual = WeightMistake.WITH_NAN.applyTo(model.gradientOfWeights());

        Finding finding = Gradients.check("dW1", actual, expectedWeights).diagnoses().get(0);

        assertTrue(finding.text().startsWith("dW1 contains NaN or Infinity (1 of 12 entries, first at row 1,"
                + " column 2) — look for an unstable softmax"), finding.text());
    }

    @Test
    void blamesTheLossWhenTheExpectedGradientIsNotFinite() {
        double[][] expected = WeightMistake.WITH_NAN.applyTo(expectedWeights);

        TensorCheck check = Gradients.check("dW1", model.gradientOfWeights(), expected);

        assertEquals(List.of("non-finite"), check.codes());
        assertTrue(check.diagnoses().get(0).text().contains("loss"));
    }

    @Test
    void explainsWrongValuesWithTheBand() {
        TensorCheck check = Gradients.check("dW1", WeightMistake.ONE_ENTRY_OFF.applyTo(model.gradientOfWeights()),
                expectedWeights);

        String text = check.diagnoses().get(0).text();
        assertTrue(text.contains(check.band().name() + " (" + check.band().explanation() + ")"), text);
    }

    @Test
    void failsAGradientJustAboveTheBarWithoutLooseningIt() {
        double[][] almost = SoftmaxRegression.scaled(model.gradientOfWeights(), 1 + 4e-5);

        TensorCheck check = Gradients.check("dW1", almost, expectedWeights);

        assertFalse(check.passed());
        assertEquals(ErrorBand.SUSPICIOUS, check.band());
    }

    @Test
    void passesTwoEmptyGradients() {
        assertTrue(Gradients.check("dW", new double[0][0], new double[0][0]).passed());
    }

    @Test
    void namesTheParameterOnlyForGradientStyleNames() {
        String labelled = Gradients.check("db1 (tiny net)", model.outputGradient(), expectedBias).diagnoses().get(0)
                .text();
        String other = Gradients.check("derivative of the loss", model.outputGradient(), expectedBias).diagnoses()
                .get(0).text();

        assertTrue(labelled.startsWith("db1 (tiny net) has shape 5x4 but b1 is 1x4: b1 is shared"), labelled);
        assertTrue(other.startsWith("derivative of the loss has shape 5x4 but its parameter is 1x4"), other);
    }
}
