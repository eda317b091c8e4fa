package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class NumericalGradientTests {

    /** f(x) = sum of x_ij^3 / 3 + 2 x_ij has gradient x_ij^2 + 2. */
    private static final ToDoubleFunction<double[][]> CUBIC = x -> {
        double sum = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v * v * v / 3 + 2 * v;
            }
        }
        return sum;
    };

    private static final double[][] POINT = {{0.5, -1.5, 2.0}, {3.0, 0.0, -0.25}};

    @Test
    void differencesACubicToNearMachinePrecision() {
        double[][] gradient = Gradients.numerical(CUBIC, POINT);

        double[][] exact = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                exact[i][j] = POINT[i][j] * POINT[i][j] + 2;
            }
        }
        assertTrue(Gradients.relativeError(gradient, exact) < 1e-9,
                "relative error " + Gradients.relativeError(gradient, exact));
    }

    @Test
    void differencesTheSoftmaxLossWithinTheExcellentBand() {
        SoftmaxRegression model = SoftmaxRegression.of(5, 3, 4, 1);

        double[][] numerical = Gradients.numerical(model::lossOfWeights, model.weights);

        assertEquals(ErrorBand.EXCELLENT,
                Gradients.band(Gradients.relativeError(numerical, model.gradientOfWeights())));
    }

    @Test
    void differencesScalarFunctions() {
        assertEquals(Math.cos(0.7), Gradients.numerical(Math::sin, 0.7), 1e-10);
        assertEquals(Math.exp(1.3), Gradients.numerical(Math::exp, 1.3), 1e-9);
        assertEquals(6.0, Gradients.numerical(x -> x * x, 3.0), 1e-9);
    }

    @Test
    void neverModifiesThePoint() {
        double[][] point = Tensors.copy(POINT);

        Gradients.numerical(CUBIC, point);
        Gradients.numerical(CUBIC, point, 1e-4, 3, 7);

        assertArrayEquals(POINT, point);
    }

    @Test
    void usesTwoEvaluationsPerEntry() {
        EvaluationCounter counter = new EvaluationCounter(CUBIC);

        Gradients.numerical(counter, POINT);

        assertEquals(12, counter.count());
    }

    @Test
    void samplesDistinctSeededCoordinatesWithTheFullGradientsValues() {
        double[][] full = Gradients.numerical(CUBIC, POINT);

        SampledGradient sampled = Gradients.numerical(CUBIC, POINT, Gradients.DEFAULT_STEP, 4, 42);

        assertEquals(4, sampled.samples().size());
        assertEquals(List.copyOf(sampled.samples()),
                Gradients.numerical(CUBIC, POINT, Gradients.DEFAULT_STEP, 4, 42).samples());
        assertEquals(4, sampled.samples().stream().map(s -> s.row() * 3 + s.column()).distinct().count());
        for (GradientSample sample : sampled.samples()) {
            assertEquals(full[sample.row()][sample.column()], sample.value(), 0);
        }
    }

    @Test
    void samplesEveryCoordinateInRowMajorOrderWhenAskedForMoreThanTheSize() {
        SampledGradient sampled = Gradients.numerical(CUBIC, POINT, Gradients.DEFAULT_STEP, 100, 1);

        assertEquals(6, sampled.samples().size());
        assertEquals(new GradientSample(0, 1, sampled.samples().get(1).value()), sampled.samples().get(1));
        assertEquals(2, sampled.rows());
        assertEquals(3, sampled.columns());
    }

    @Test
    void samplesALargeTensorWithTwoEvaluationsPerSample() {
        double[][] large = new double[400][500];
        EvaluationCounter counter = new EvaluationCounter(CUBIC);

        SampledGradient sampled = Gradients.numerical(counter, large, Gradients.DEFAULT_STEP, 10, 3);

        assertEquals(20, counter.count());
        assertEquals(10, sampled.samples().size());
    }

    @Test
    void rejectsAnInvalidStepOrPointNamingTheArgument() {
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> Gradients.numerical(CUBIC, POINT, 0));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Gradients.numerical(CUBIC, new double[][] {{1, 2}, {3}}));

        assertTrue(step.getMessage().contains("step"), step.getMessage());
        assertTrue(ragged.getMessage().startsWith("at must be a rectangular matrix"), ragged.getMessage());
    }
}
