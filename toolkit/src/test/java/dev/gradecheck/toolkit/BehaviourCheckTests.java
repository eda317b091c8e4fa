package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourCheckTests {

    private static final double[][] GRADIENT = {{1, 2, 3}, {4, 5, 6}};

    @Test
    void passesTwoIdenticalBackwardPasses() {
        TensorCheck check = Gradients.checkRepeatable("dW1", GRADIENT, Tensors.copy(GRADIENT));

        assertTrue(check.passed());
        assertEquals(List.of(), check.diagnoses());
    }

    @Test
    void flagsASecondBackwardPassThatDiffers() {
        double[][] accumulated = SoftmaxRegression.scaled(GRADIENT, 2);

        TensorCheck check = Gradients.checkRepeatable("dW1", GRADIENT, accumulated);

        assertFalse(check.passed());
        assertEquals(List.of("non-deterministic"), check.codes());
        assertTrue(check.diagnoses().get(0).text().startsWith("dW1 differs between two backward passes on the"
                + " same input (relative error 3.3e-01 between the passes)"), check.diagnoses().get(0).text());
    }

    @Test
    void flagsASecondBackwardPassWithAnotherShapeOrNull() {
        assertEquals(List.of("non-deterministic"),
                Gradients.checkRepeatable("dW1", GRADIENT, new double[][] {{1, 2, 3}}).codes());
        assertEquals(List.of("non-deterministic"), Gradients.checkRepeatable("dW1", GRADIENT, null).codes());
    }

    @Test
    void passesAnUntouchedInputIncludingNaN() {
        double[][] withNaN = {{Double.NaN, 0.0}};

        assertTrue(Gradients.checkUnchanged("cache.z1", withNaN, new double[][] {{Double.NaN, -0.0}}).passed());
    }

    @Test
    void flagsAChangedInputWithTheFirstChange() {
        double[][] before = Gradients.copy(GRADIENT);
        double[][] after = Gradients.copy(GRADIENT);
        after[1][2] = 0;

        TensorCheck check = Gradients.checkUnchanged("cache.a1", before, after);

        assertEquals(List.of("mutates-input"), check.codes());
        assertEquals("the backward pass changed cache.a1 (1 of 6 entries changed, first at row 1, column 2: 6.0"
                + " became 0.0) — treat its inputs and the cache as read-only and compute into new arrays.",
                check.diagnoses().get(0).text());
        assertEquals("1", check.diagnoses().get(0).numbers().get("changed_entries"));
    }

    @Test
    void flagsAnInputWhoseShapeChanged() {
        assertEquals(List.of("mutates-input"), Gradients.checkUnchanged("W1", GRADIENT, new double[1][1]).codes());
    }
}
