package backprop.deep;

import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code vanishing-gradients}: the activation functions and their derivatives, each graded
 * on its own (one verdict per activation). References are closed forms computed here, never the student's code.
 */
class ActivationsHiddenTests {

    /** Includes 0 (the ReLU kink), tiny values on both sides of it, and values where sigmoid and tanh saturate. */
    private static final double[] POINTS = {-800, -30, -5, -1.5, -0.5, -1e-3, 0, 1e-3, 0.5, 1.5, 5, 30, 800};

    @Test
    void valuesMatchTheirDefinitions(TestReporter reporter) {
        Verdicts.publish(reporter,
                check("SIGMOID.apply", Activations.SIGMOID::apply, ActivationsHiddenTests::sigmoid),
                check("RELU.apply", Activations.RELU::apply, z -> Math.max(0.0, z)),
                check("TANH.apply", Activations.TANH::apply, Math::tanh));
    }

    @Test
    void derivativesAreTakenAtThePreActivationWithReluPrimeOfZeroEqualToZero(TestReporter reporter) {
        TensorCheck sigmoid = check("SIGMOID.derivative", Activations.SIGMOID::derivative,
                z -> sigmoid(z) * (1.0 - sigmoid(z)));
        TensorCheck relu = check("RELU.derivative", Activations.RELU::derivative, z -> z > 0.0 ? 1.0 : 0.0);
        TensorCheck tanh = check("TANH.derivative", Activations.TANH::derivative,
                z -> 1.0 - Math.tanh(z) * Math.tanh(z));
        diagnoseDerivativeAtActivation(reporter, sigmoid, "SIGMOID", Activations.SIGMOID::derivative,
                z -> z * (1.0 - z), "s (1 - s) with s = sigmoid(z)");
        diagnoseDerivativeAtActivation(reporter, tanh, "TANH", Activations.TANH::derivative,
                z -> 1.0 - z * z, "1 - t^2 with t = tanh(z)");
        diagnoseRelu(reporter, relu);
        Verdicts.publish(reporter, sigmoid, relu, tanh);
    }

    private static TensorCheck check(String name, DoubleUnaryOperator actual, DoubleUnaryOperator expected) {
        return Gradients.check(name + " at z = " + Arrays.toString(POINTS), evaluate(actual), evaluate(expected));
    }

    private static double[][] evaluate(DoubleUnaryOperator f) {
        double[] values = new double[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            values[i] = f.applyAsDouble(POINTS[i]);
        }
        return new double[][] {values};
    }

    /** The classic slip: applying the "derivative in terms of the output" formula to z itself. */
    private static void diagnoseDerivativeAtActivation(TestReporter reporter, TensorCheck verdict, String name,
                                                       DoubleUnaryOperator actual, DoubleUnaryOperator formulaAtZ,
                                                       String formula) {
        if (verdict.passed()) {
            return;
        }
        for (double z : new double[] {-0.5, 0.25, 0.75}) {
            if (Math.abs(actual.applyAsDouble(z) - formulaAtZ.applyAsDouble(z)) > 1e-12) {
                return;
            }
        }
        Verdicts.diagnose(reporter, "sigmoid-derivative-at-activation", name + ".derivative(z) applied its formula "
                + "to z itself: at z = 0.25 it returned " + actual.applyAsDouble(0.25) + ". derivative(z) receives the "
                + "PRE-activation z; compute the activation first, then the derivative: " + formula + ".");
    }

    private static void diagnoseRelu(TestReporter reporter, TensorCheck verdict) {
        if (verdict.passed()) {
            return;
        }
        double atNegative = Activations.RELU.derivative(-1.5);
        double atZero = Activations.RELU.derivative(0.0);
        if (atNegative != 0.0) {
            Verdicts.diagnose(reporter, "missing-relu-mask", "RELU.derivative(-1.5) returned " + atNegative
                    + " but ReLU is flat for z < 0: its derivative is 0 there, 1 only for z > 0 (the mask).");
        } else if (atZero != 0.0) {
            Verdicts.diagnose(reporter, "relu-derivative-at-zero", "RELU.derivative(0) returned " + atZero
                    + " but the course's convention is RELU'(0) = 0: use z > 0, not z >= 0.");
        }
    }

    /** The logistic sigmoid in a form that never overflows. */
    static double sigmoid(double z) {
        return z >= 0.0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }
}
