package dev.gradecheck.sandbox.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Not a test of the grader (its name keeps test scanners away): a stand-in for hidden tests. The sandbox runs it once,
 * in a training child, to record which classes a child JVM loads (plain, parameterized and failing tests, report
 * entries, output, the gradient toolkit), so they go into the class-data archive that makes later children start
 * faster; and a child started ahead of its job runs it to warm up (it travels with the rehearsal, see
 * {@link WarmUpClasses}). The child loads it like any course class; it lives here, not in the child runner, because
 * it uses the toolkit, which the runner must not.
 */
@API(status = API.Status.INTERNAL)
public class WarmUpCases {

    @Test
    void passes(TestReporter reporter) {
        reporter.publishEntry("gradecheck.credit", "1");
        System.out.println("output");
        assertEquals(2, 1 + 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int n) {
        assertTrue(n > 0);
    }

    @Test
    void checksAGradient(TestReporter reporter) {
        double[][] at = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
        ToDoubleFunction<double[][]> loss = w -> {
            double sum = 0;
            for (double[] row : w) {
                for (double value : row) {
                    sum += Math.tanh(value) * value;
                }
            }
            return sum;
        };
        double[][] gradient = Gradients.numerical(loss, at);
        double[][] halved = new double[at.length][];
        for (int i = 0; i < at.length; i++) {
            halved[i] = at[i].clone();
            for (int j = 0; j < halved[i].length; j++) {
                halved[i][j] = gradient[i][j] / 2;
            }
        }
        TensorCheck right = Gradients.check("dW", gradient, Gradients.numerical(loss, at), 2);
        TensorCheck wrong = Gradients.check("dW", halved, gradient, 2);
        Verdicts.publish(reporter, right, wrong, Gradients.directional("dW", loss, at, gradient));
        assertTrue(right.passed() && !wrong.passed(), Verdicts.failureMessage(wrong));
    }

    @Test
    void fails() {
        assertEquals(1, 2, "a failing check");
    }
}
