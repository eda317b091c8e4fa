package backprop.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.linalg.Matrix;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code losses-and-clipping}: {@link GradientClipping#clipByGlobalNorm}. Expected results
 * use the formula of the statement, computed here: {@code total = sqrt(sum ||g||^2)},
 * {@code coefficient = min(1, maxNorm / (total + 1e-6))}. Arguments are mutable {@link ArrayList}s, so that changing
 * them costs only the test that looks for it.
 */
class GradientClippingHiddenTests {

    private static final double EPSILON = 1e-6;

    /** Norms 3, 4 and 12 (global norm 13), shapes 1x2, 2x2 and 3x1. */
    private static List<Matrix> threeTensors() {
        return new ArrayList<>(List.of(
                Matrix.rowVector(3.0, 0.0),
                Matrix.of(new double[][] {{0.0, 2.4}, {-3.2, 0.0}}),
                Matrix.of(new double[][] {{4.0}, {-8.0}, {8.0}})));
    }

    @Test
    void gradientsBelowTheBarComeBackUnchanged() {
        List<Matrix> gradients = threeTensors();
        ClipResult result = GradientClipping.clipByGlobalNorm(gradients, 13.5);
        assertEquals(3, result.gradients().size(), "one clipped tensor per gradient");
        for (int i = 0; i < 3; i++) {
            assertEquals(threeTensors().get(i), result.gradients().get(i), "global norm 13 is below maxNorm 13.5, so "
                    + "gradient " + i + " must come back unchanged (coefficient min(1, 13.5 / 13.000001) = 1)");
        }
        assertEquals(13.0, result.totalNorm(), 1e-12, "totalNorm = sqrt(3^2 + 4^2 + 12^2) = 13");
    }

    @Test
    void gradientsAboveTheBarAreScaledToMaxNormWithoutChangingTheArgument(TestReporter reporter) {
        List<Matrix> gradients = threeTensors();
        double maxNorm = 5.0;
        ClipResult result = GradientClipping.clipByGlobalNorm(gradients, maxNorm);
        List<TensorCheck> checks = scaledChecks(result, maxNorm / (13.0 + EPSILON), "maxNorm 5");
        checks.add(Gradients.check("global norm after clipping to maxNorm 5", new double[][] {{globalNorm(result
                .gradients())}}, new double[][] {{13.0 * maxNorm / (13.0 + EPSILON)}}));
        List<Matrix> before = threeTensors();
        for (int i = 0; i < before.size(); i++) {
            double[][] after = i < gradients.size() ? gradients.get(i).toArray() : null;
            checks.add(Gradients.checkUnchanged("the argument's gradient " + i + " after clipByGlobalNorm",
                    before.get(i).toArray(), after));
        }
        diagnoseClippedOneByOne(reporter, checks, result, maxNorm);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void theNormIsTheGlobalNormOfAllTensorsNotOnePerTensor(TestReporter reporter) {
        double maxNorm = 6.5; // between the norms 4 and 12: per-tensor clipping would only touch the third tensor
        ClipResult result = GradientClipping.clipByGlobalNorm(threeTensors(), maxNorm);
        List<TensorCheck> checks = scaledChecks(result, maxNorm / (13.0 + EPSILON), "maxNorm 6.5");
        diagnoseClippedOneByOne(reporter, checks, result, maxNorm);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    private static void diagnoseClippedOneByOne(TestReporter reporter, List<TensorCheck> checks, ClipResult result,
                                                double maxNorm) {
        if (checks.stream().anyMatch(check -> !check.passed()) && clippedOneByOne(result, maxNorm)) {
            Verdicts.diagnose(reporter, "per-tensor-clipping", "each tensor was clipped by its own norm. Clipping by "
                    + "the GLOBAL norm computes one total = sqrt(sum of ||g||^2 over all tensors) = 13 here and scales "
                    + "every tensor by the same coefficient min(1, maxNorm / (total + 1e-6)), so the direction of the "
                    + "whole update is kept.");
        }
    }

    @Test
    void theReturnedNormIsTheNormBeforeClipping(TestReporter reporter) {
        double maxNorm = 2.0;
        ClipResult result = GradientClipping.clipByGlobalNorm(threeTensors(), maxNorm);
        double reported = result.totalNorm();
        if (Math.abs(reported - 13.0) > 1e-9 && Math.abs(reported - globalNorm(result.gradients())) < 1e-9) {
            Verdicts.diagnose(reporter, "norm-after-clipping", "totalNorm is " + reported + ", the norm AFTER "
                    + "clipping. Return the global norm BEFORE clipping (13 here): it tells the caller how large the "
                    + "gradients really were.");
        }
        Verdicts.publish(reporter, Gradients.check("totalNorm for norms 3, 4, 12 clipped to 2",
                new double[][] {{reported}}, new double[][] {{13.0}}));
    }

    @Test
    void maxNormThatIsNotPositiveIsRejected() {
        for (double maxNorm : new double[] {0.0, -0.0, -1.0, Double.NEGATIVE_INFINITY, Double.NaN}) {
            try {
                ClipResult result = GradientClipping.clipByGlobalNorm(threeTensors(), maxNorm);
                fail("clipByGlobalNorm(gradients, " + maxNorm + ") must throw IllegalArgumentException (maxNorm must "
                        + "be positive and not NaN), but returned gradients with totalNorm " + result.totalNorm());
            } catch (IllegalArgumentException expected) {
                // the contract
            }
        }
    }

    @Test
    void anEmptyListGivesAnEmptyListAndNormZero() {
        ClipResult result = GradientClipping.clipByGlobalNorm(new ArrayList<>(), 1.0);
        assertTrue(result.gradients().isEmpty(), "clipping no gradients must give no gradients, got "
                + result.gradients());
        assertEquals(0.0, result.totalNorm(), 0.0, "the global norm of no gradients is 0");
    }

    /** One check per tensor: each must be the original scaled by {@code coefficient}. */
    private static List<TensorCheck> scaledChecks(ClipResult result, double coefficient, String label) {
        List<Matrix> original = threeTensors();
        assertEquals(original.size(), result.gradients().size(), "one clipped tensor per gradient, in order");
        List<TensorCheck> checks = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            checks.add(Gradients.check("clipped gradient " + i + " (norm " + original.get(i).norm() + "), " + label,
                    result.gradients().get(i).toArray(), original.get(i).scale(coefficient).toArray()));
        }
        return checks;
    }

    private static boolean clippedOneByOne(ClipResult result, double maxNorm) {
        List<Matrix> original = threeTensors();
        for (int i = 0; i < original.size(); i++) {
            double own = Math.min(1.0, maxNorm / (original.get(i).norm() + EPSILON));
            Matrix expected = original.get(i).scale(own);
            Matrix actual = result.gradients().get(i);
            if (actual.rows() != expected.rows() || actual.cols() != expected.cols()
                    || Gradients.relativeError(actual.toArray(), expected.toArray()) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static double globalNorm(List<Matrix> tensors) {
        double squares = 0.0;
        for (Matrix m : tensors) {
            squares += m.norm() * m.norm();
        }
        return Math.sqrt(squares);
    }
}
