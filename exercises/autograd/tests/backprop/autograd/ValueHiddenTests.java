package backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden tests of exercise {@code autograd}: {@link Value}, scalar reverse-mode automatic differentiation.
 *
 * <p>Expected gradients are central differences of functions this class computes with plain {@code double}s
 * (never with the student's {@code Value}), or the exact rules of the exercise (d root / d root = 1, leaves
 * accumulate, non-leaves are recomputed, a released graph throws).
 */
class ValueHiddenTests {

    /** Bar for the exact rules: two retained passes give exactly twice one pass, up to rounding. */
    private static final double EXACT = 1e-12;

    // ------------------------------------------------------------------ the basic rules

    @Test
    void theRootGetsGradientOneAndOnlyTheConstructorMakesLeaves() {
        Value x = new Value(1.5);
        Value y = x.mul(2.0).add(1.0);
        assertTrue(x.isLeaf(), "new Value(1.5).isLeaf() must be true");
        assertFalse(y.isLeaf(), "x.mul(2.0).add(1.0) is made by an operation, so isLeaf() must be false");
        assertEquals(4.0, y.data(), EXACT, "x.mul(2.0).add(1.0).data() at x = 1.5");
        y.backward();
        assertEquals(1.0, y.grad(), 0.0, "after y.backward(), y.grad() is d(y)/d(y) and must be exactly 1");
        assertEquals(2.0, x.grad(), EXACT, "after y.backward() with y = 2x + 1, x.grad() must be 2");
    }

    @Test
    void aValueUsedTwiceGetsTheSumOfBothPaths(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        Value x = new Value(3.0);
        x.mul(x).backward();
        double square = x.grad();
        checks.add(scalar("d(x.mul(x))/dx at x = 3", square, 6.0));
        Value a = new Value(3.0);
        a.add(a).add(a).backward();
        checks.add(scalar("d(x.add(x).add(x))/dx at x = 3", a.grad(), 3.0));
        Value b = new Value(0.5);
        Value twice = b.mul(2.0); // a NON-leaf used twice: its gradient must also be the sum of both paths
        twice.mul(twice.tanh()).backward();
        checks.add(scalar("d(h.mul(h.tanh()))/dx with h = 2x at x = 0.5", b.grad(),
                numerical(v -> 2 * v * Math.tanh(2 * v), 0.5)));
        if (square == 3.0) {
            Verdicts.diagnose(reporter, "overwrite-instead-of-accumulate", "x.mul(x) at x = 3 gave x.grad() = 3, "
                    + "the gradient of ONE path: the second path overwrote the first. A value used twice gets the SUM "
                    + "of both paths (3 + 3 = 6): add to grad with +=, never assign it with =.");
        }
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void reluDerivativeIsZeroAtZero() {
        double[] at = {0.0, -2.0, 2.0, -0.0};
        double[] data = {0.0, 0.0, 2.0, 0.0};
        double[] slope = {0.0, 0.0, 1.0, 0.0};
        for (int i = 0; i < at.length; i++) {
            Value x = new Value(at[i]);
            Value y = x.relu();
            assertEquals(data[i], y.data(), 0.0, "relu(" + at[i] + ").data()");
            y.backward();
            assertEquals(slope[i], x.grad(), 0.0, "d relu(x)/dx at x = " + at[i]
                    + (at[i] == 0.0 ? " must be 0: the course's convention is relu'(0) = 0 (use x > 0, not x >= 0)"
                    : ""));
        }
    }

    @Test
    void leafGradientsAccumulateAcrossBackwardPasses() {
        Value x = new Value(2.0);
        x.mul(3.0).backward();
        assertEquals(3.0, x.grad(), EXACT, "after x.mul(3.0).backward() at x = 2, x.grad()");
        x.mul(x).backward();
        assertEquals(3.0 + 4.0, x.grad(), EXACT, "a second graph x.mul(x).backward() must ADD 4 to x.grad() "
                + "(leaf gradients accumulate across passes until zeroGrad())");
        x.pow(3.0).backward();
        assertEquals(3.0 + 4.0 + 12.0, x.grad(), EXACT, "a third pass x.pow(3.0).backward() must add 12 more");
    }

    @Test
    void zeroGradResetsOnlyThatValue() {
        Value x = new Value(2.0);
        Value y = new Value(-1.0);
        x.mul(y).backward();
        x.mul(y).backward();
        assertEquals(-2.0, x.grad(), EXACT, "two passes of x.mul(y) at y = -1 accumulate x.grad() to -2");
        x.zeroGrad();
        assertEquals(0.0, x.grad(), 0.0, "x.zeroGrad() must set x.grad() to 0");
        assertEquals(4.0, y.grad(), EXACT, "x.zeroGrad() must not touch y.grad()");
        x.mul(y).backward();
        assertEquals(-1.0, x.grad(), EXACT, "after zeroGrad() one more pass gives x.grad() = -1 again");
    }

    // ------------------------------------------------------------------ retainGraph and release

    @Test
    void nonLeafGradientsAreRecomputedByEveryPassNeverAccumulated(TestReporter reporter) {
        Value x = new Value(0.4);
        Value y = new Value(-0.6);
        List<Value> inner = new ArrayList<>();
        Value root = chain(x, y, inner);
        root.backward(true);
        double[] first = grads(inner);
        root.backward(true);
        double[] second = grads(inner);
        if (root.grad() != 1.0) {
            if (root.grad() == 2.0) {
                Verdicts.diagnose(reporter, "nonleaf-grad-accumulates", "the root's gradient became 2 after two "
                        + "passes: it is not a leaf, so every pass recomputes it. Reset every non-leaf's grad to 0 at "
                        + "the start of backward, then set the root's to 1.");
            }
            fail("after a second root.backward(true) the root's gradient must still be d(root)/d(root) = 1 (it is "
                    + "not a leaf, so it does not accumulate), but was " + root.grad());
        }
        for (int i = 0; i < first.length; i++) {
            if (!close(second[i], first[i])) {
                if (close(second[i], 2 * first[i]) || Math.abs(second[i]) > 1.5 * Math.abs(first[i])) {
                    Verdicts.diagnose(reporter, "nonleaf-grad-accumulates", "a non-leaf's gradient grew from "
                            + first[i] + " to " + second[i] + " on the second pass. Reset every non-leaf's grad to 0 "
                            + "at the start of backward (only leaves accumulate).");
                }
                fail("non-leaf #" + (i + 1) + " of the chain: after one pass grad = " + first[i] + ", after a second "
                        + "backward(true) grad = " + second[i] + "; non-leaf gradients are recomputed by every pass, "
                        + "so both must be equal.");
            }
        }
    }

    @Test
    void twoRetainedPassesGiveLeavesExactlyTwiceTheGradientOfOne(TestReporter reporter) {
        Value x1 = new Value(0.4);
        Value y1 = new Value(-0.6);
        chain(x1, y1, new ArrayList<>()).backward(true);
        Value x2 = new Value(0.4);
        Value y2 = new Value(-0.6);
        Value root = chain(x2, y2, new ArrayList<>());
        root.backward(true);
        root.backward(true);
        StringBuilder problems = new StringBuilder();
        expectTwice("x", x1.grad(), x2.grad(), problems, reporter);
        expectTwice("y", y1.grad(), y2.grad(), problems, reporter);
        if (problems.length() > 0) {
            fail("through a chain of 15 operations at x = 0.4, y = -0.6:\n" + problems);
        }
        Verdicts.publish(reporter,
                scalar("dchain/dx after one pass", x1.grad(), numerical(v -> chain(v, -0.6), 0.4)),
                scalar("dchain/dy after one pass", y1.grad(), numerical(v -> chain(0.4, v), -0.6)));
    }

    private static void expectTwice(String leaf, double once, double twice, StringBuilder problems,
                                    TestReporter reporter) {
        if (Math.abs(twice - 2 * once) <= EXACT * Math.abs(2 * once)) {
            return;
        }
        problems.append(String.format("%s.grad() is %s after one pass but %s after two backward(true) passes; "
                + "expected exactly %s (leaves add one pass's gradient per pass)%n", leaf, once, twice, 2 * once));
        double ratio = twice / once;
        if (ratio > 2.5) {
            Verdicts.diagnose(reporter, "nonleaf-grad-accumulates", leaf + " got " + ratio + " times its single-pass "
                    + "gradient from two passes: non-leaf gradients kept the first pass's values and fed them into the "
                    + "second. Reset every non-leaf's grad to 0 at the start of backward.");
        } else if (Math.abs(ratio - 1.0) < 1e-9) {
            Verdicts.diagnose(reporter, "overwrite-instead-of-accumulate", leaf + " kept its single-pass gradient "
                    + "after two passes: the second pass overwrote it. Leaves ACCUMULATE (+=) across passes.");
        }
    }

    @Test
    void backwardWithoutRetainGraphReleasesItAndALaterPassThrowsBeforeChangingAnyGradient(TestReporter reporter) {
        Value x = new Value(0.8);
        Value y = x.mul(x).add(x.exp());
        y.backward(); // same as backward(false): releases the graph
        double afterFirst = x.grad();
        assertEquals(2 * 0.8 + Math.exp(0.8), afterFirst, 1e-12, "d(x*x + exp x)/dx at x = 0.8");

        expectReleased(reporter, "a second y.backward()", () -> y.backward(), x, afterFirst);
        expectReleased(reporter, "y.backward(true) after y.backward()", () -> y.backward(true), x, afterFirst);

        Value w = new Value(-1.5);
        Value z = w.mul(y.mul(2.0)); // a new root whose graph goes through the released y
        expectReleased(reporter, "z.backward() for z = w * (2 y), y released", () -> z.backward(), x, afterFirst);
        assertEquals(0.0, w.grad(), 0.0, "w.grad() must not change when backward throws (no gradient changes)");
        assertEquals(0.0, z.grad(), 0.0, "z.grad() must not change when backward throws (no gradient changes)");
    }

    private static void expectReleased(TestReporter reporter, String call, Runnable backward, Value x,
                                       double before) {
        try {
            backward.run();
        } catch (IllegalStateException expected) {
            String message = String.valueOf(expected.getMessage());
            assertTrue(message.contains("retainGraph"), call + " threw IllegalStateException(\"" + message
                    + "\"): the message must contain retainGraph, to tell the user how to keep the graph");
            assertEquals(before, x.grad(), 0.0, call + " threw, but x.grad() changed from " + before + " to "
                    + x.grad() + ": check for a released value BEFORE changing any gradient");
            return;
        }
        Verdicts.diagnose(reporter, "missing-release-check", call + " did not throw. backward(false) releases the "
                + "graph; a later backward through a released non-leaf must throw IllegalStateException (message "
                + "with retainGraph) before changing any gradient.");
        fail(call + " must throw IllegalStateException because backward() released the graph (x.grad() is now "
                + x.grad() + ", was " + before + ")");
    }

    @Test
    void backwardOnABareLeafJustAddsOne() {
        Value x = new Value(5.0);
        x.backward();
        assertEquals(1.0, x.grad(), 0.0, "x.backward() on a leaf: d(x)/d(x) = 1");
        x.backward();
        assertEquals(2.0, x.grad(), 0.0, "a bare leaf has no graph to release: a second x.backward() adds 1 more");
        x.backward(true);
        assertEquals(3.0, x.grad(), 0.0, "x.backward(true) on a leaf adds 1 more");
    }

    @Test
    void aChainOfHundredThousandOperationsDoesNotOverflowTheStack(TestReporter reporter) {
        int pairs = 50_000;
        Value x = new Value(0.25);
        Value step = new Value(0.001);
        Value v = x;
        for (int i = 0; i < pairs; i++) {
            v = v.mul(1.0).add(step); // 2 operations per round: 100,000 in all
        }
        try {
            v.backward();
        } catch (StackOverflowError overflow) {
            Verdicts.diagnose(reporter, "recursive-topological-sort", "backward on a chain of 100,000 operations "
                    + "overflowed the call stack: a recursive graph walk needs one stack frame per operation. Build the "
                    + "topological order with an explicit stack (java.util.ArrayDeque) and a loop instead.");
            fail("StackOverflowError in backward on a chain of 100,000 operations — visit the graph with an explicit "
                    + "stack (ArrayDeque) instead of recursion");
        }
        assertEquals(0.25 + pairs * 0.001, v.data(), 1e-9, "data() at the end of the chain");
        assertEquals(1.0, x.grad(), EXACT, "x.grad() at the start of a chain of mul(1.0).add(step)");
        assertEquals(pairs, step.grad(), 1e-9, "step is used " + pairs + " times: its gradient is the sum, " + pairs);
    }

    // ------------------------------------------------------------------ every operation against central differences

    @Test
    void arithmeticGradientsMatchCentralDifferences(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        binary(checks, "x.add(y)", Value::add, (a, b) -> a + b);
        binary(checks, "x.sub(y)", Value::sub, (a, b) -> a - b);
        binary(checks, "x.mul(y)", Value::mul, (a, b) -> a * b);
        unary(checks, "x.neg()", Value::neg, a -> -a, 0.7);
        unary(checks, "x.add(2.5)", v -> v.add(2.5), a -> a + 2.5, 0.7);
        unary(checks, "x.mul(-3.0)", v -> v.mul(-3.0), a -> -3.0 * a, 0.7);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void powGradientsMatchCentralDifferences(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        unary(checks, "x.pow(2.0)", v -> v.pow(2.0), a -> a * a, -1.5);
        unary(checks, "x.pow(3.0)", v -> v.pow(3.0), a -> a * a * a, 0.7);
        unary(checks, "x.pow(0.5)", v -> v.pow(0.5), Math::sqrt, 2.0);
        unary(checks, "x.pow(-1.0)", v -> v.pow(-1.0), a -> 1.0 / a, 1.7);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    @Test
    void reluSigmoidAndTanhGradientsMatchCentralDifferences(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        unary(checks, "x.relu()", Value::relu, a -> Math.max(0.0, a), 0.8);
        unary(checks, "x.relu()", Value::relu, a -> Math.max(0.0, a), -0.8);
        for (double at : new double[] {-2.0, 0.3, 1.7}) {
            unary(checks, "x.sigmoid()", Value::sigmoid, ValueHiddenTests::sigmoid, at);
        }
        unary(checks, "x.tanh()", Value::tanh, Math::tanh, -0.9);
        unary(checks, "x.tanh()", Value::tanh, Math::tanh, 0.4);
        diagnoseSigmoidAtActivation(reporter);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    private static void diagnoseSigmoidAtActivation(TestReporter reporter) {
        double at = 0.3;
        Value x = new Value(at);
        x.sigmoid().backward();
        double s = sigmoid(at);
        double atActivation = sigmoid(s) * (1.0 - sigmoid(s));
        if (Math.abs(x.grad() - atActivation) < 1e-12 && Math.abs(x.grad() - s * (1.0 - s)) > 1e-6) {
            Verdicts.diagnose(reporter, "sigmoid-derivative-at-activation", "d sigmoid(x)/dx at x = 0.3 came out "
                    + "as sigmoid'(s) with s = sigmoid(0.3), the derivative taken at the OUTPUT. The local derivative "
                    + "is s (1 - s) with s the output itself: do not apply sigmoid to s again.");
        }
    }

    @Test
    void expAndLogGradientsMatchCentralDifferences(TestReporter reporter) {
        List<TensorCheck> checks = new ArrayList<>();
        unary(checks, "x.exp()", Value::exp, Math::exp, -0.4);
        unary(checks, "x.exp()", Value::exp, Math::exp, 1.2);
        unary(checks, "x.log()", Value::log, Math::log, 0.3);
        unary(checks, "x.log()", Value::log, Math::log, 2.5);
        Verdicts.publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    // ------------------------------------------------------------------ helpers

    /** One operation of one leaf: its data against {@code f}, its gradient against a central difference of f. */
    private static void unary(List<TensorCheck> checks, String expression, Function<Value, Value> op,
                              DoubleUnaryOperator f, double at) {
        Value x = new Value(at);
        Value out = op.apply(x);
        out.backward();
        checks.add(scalar(expression + ".data() at x = " + at, out.data(), f.applyAsDouble(at)));
        checks.add(scalar("d(" + expression + ")/dx at x = " + at, x.grad(), numerical(f, at)));
    }

    /** A binary operation at x = 0.7, y = -1.3: its data and the gradients of both operands, each checked alone. */
    private static void binary(List<TensorCheck> checks, String expression, BinaryOperator<Value> op,
                               DoubleBinaryOperator f) {
        double x = 0.7;
        double y = -1.3;
        Value left = new Value(x);
        Value right = new Value(y);
        Value out = op.apply(left, right);
        out.backward();
        String at = " at x = " + x + ", y = " + y;
        checks.add(scalar(expression + ".data()" + at, out.data(), f.applyAsDouble(x, y)));
        checks.add(scalar("d(" + expression + ")/dx" + at, left.grad(), numerical(v -> f.applyAsDouble(v, y), x)));
        checks.add(scalar("d(" + expression + ")/dy" + at, right.grad(), numerical(v -> f.applyAsDouble(x, v), y)));
    }

    private static TensorCheck scalar(String name, double actual, double expected) {
        return Gradients.check(name, new double[][] {{actual}}, new double[][] {{expected}});
    }

    private static double numerical(DoubleUnaryOperator f, double at) {
        return Gradients.numerical(f, at);
    }

    /**
     * A chain of 15 operations in which x, y and a non-leaf are each used twice; {@code inner} collects the
     * non-leaves whose gradients {@link #nonLeafGradientsAreRecomputedByEveryPassNeverAccumulated} compares.
     */
    private static Value chain(Value x, Value y, List<Value> inner) {
        Value a = x.mul(y);
        Value b = x.exp().mul(0.5);
        Value c = a.add(b).tanh();
        Value d = c.sub(y.pow(2.0)).add(3.0);
        Value e = d.sigmoid().mul(d);
        Value f = e.log().neg();
        Value root = f.mul(f).add(d.relu());
        inner.addAll(List.of(a, b, c, d, e, f));
        return root;
    }

    /** {@link #chain} in plain doubles. */
    private static double chain(double x, double y) {
        double c = Math.tanh(x * y + 0.5 * Math.exp(x));
        double d = c - y * y + 3.0;
        double f = -Math.log(sigmoid(d) * d);
        return f * f + Math.max(0.0, d);
    }

    private static double[] grads(List<Value> values) {
        return values.stream().mapToDouble(Value::grad).toArray();
    }

    private static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= EXACT * Math.max(1.0, Math.abs(expected));
    }

    private static double sigmoid(double z) {
        return z >= 0.0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }
}
