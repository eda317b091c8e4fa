package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

class VerdictsTests {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final TestReporter reporter = entries::add;

    private final SoftmaxRegression model = SoftmaxRegression.of(5, 3, 4, 11);
    private final double[][] expectedWeights = Gradients.numerical(model::lossOfWeights, model.weights);
    private final double[][] expectedBias = Gradients.numerical(model::lossOfBias, model.bias);

    @Test
    void publishesFullCreditAndNoDiagnosisWhenAllPass() {
        TensorCheck weights = Gradients.check("dW1", model.gradientOfWeights(), expectedWeights);
        TensorCheck bias = Gradients.check("db1", model.gradientOfBias(), expectedBias);

        assertDoesNotThrow(() -> Verdicts.publish(reporter, weights, bias));

        assertEquals(List.of(Map.of("gradecheck.credit", "1")), entries);
    }

    @Test
    void publishesPartialCreditTheWrongTensorsAndEachDiagnosisThenFails() {
        TensorCheck weights = Gradients.check("dW1", model.gradientOfWeights(), expectedWeights);
        TensorCheck bias = Gradients.check("db1", model.outputGradient(), expectedBias, 5);
        TensorCheck weights2 = Gradients.check("dW2", model.gradientOfWeights(), expectedWeights);
        TensorCheck doubled = Gradients.check("dW3", SoftmaxRegression.scaled(model.gradientOfWeights(), 2),
                expectedWeights);

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Verdicts.publish(reporter, weights, bias, weights2, doubled));

        assertEquals(4, entries.size());
        assertEquals(Map.of("gradecheck.credit", "0.5"), entries.get(0));
        assertEquals("{\"code\":\"wrong-tensors\",\"text\":\"2 of 4 gradients are wrong (db1, dW3) while the"
                + " others are right \\u2014 the mistake is in a step that only these depend on, e.g. one layer's"
                + " activation derivative or the input factor of a product.\",\"numbers\":{\"total\":\"4\","
                + "\"wrong_count\":\"2\",\"wrong_tensors\":\"db1,dW3\"}}", entries.get(1).get("gradecheck.diagnosis"));
        assertEquals(bias.diagnoses().get(0).toJson(), entries.get(2).get("gradecheck.diagnosis"));
        assertEquals(doubled.diagnoses().get(0).toJson(), entries.get(3).get("gradecheck.diagnosis"));
        assertEquals("db1: relative error n/a (WRONG) — " + bias.diagnoses().get(0).text() + "\n"
                + "dW3: relative error 3.3e-01 (WRONG) — " + doubled.diagnoses().get(0).text(), failure.getMessage());
    }

    @Test
    void formatsCreditAsAPlainDecimal() {
        TensorCheck pass = TensorCheck.passed("a", 0);
        TensorCheck fail = TensorCheck.failed("b", 1, List.of());

        assertEquals("0.75", Verdicts.credit(pass, pass, pass, fail));
        assertEquals("0", Verdicts.credit(fail));
        assertEquals("0.6666666666666667", Verdicts.credit(pass, pass, fail));
    }

    @Test
    void publishesNoWrongTensorsDiagnosisWhenEveryTensorFailed() {
        TensorCheck bias = Gradients.check("db1", null, expectedBias);

        assertThrows(AssertionFailedError.class, () -> Verdicts.publish(reporter, bias));

        assertEquals(List.of("wrong-shape"), Verdicts.findings(bias).stream().map(Finding::code).toList());
        assertEquals(Map.of("gradecheck.credit", "0"), entries.get(0));
    }

    @Test
    void publishesATestsOwnDiagnosisWithoutFailing() {
        Verdicts.diagnose(reporter, "forward-difference", "use (f(x+h) - f(x-h)) / 2h, not (f(x+h) - f(x)) / h");

        assertEquals(List.of(Map.of("gradecheck.diagnosis", "{\"code\":\"forward-difference\",\"text\":\"use"
                + " (f(x+h) - f(x-h)) / 2h, not (f(x+h) - f(x)) / h\",\"numbers\":{}}")), entries);
    }

    @Test
    void rejectsPublishingNothing() {
        assertThrows(IllegalArgumentException.class, () -> Verdicts.publish(reporter));
    }
}
