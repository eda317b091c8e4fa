package backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradecheck.toolkit.Finding;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.Stubs;
import dev.gradecheck.toolkit.TensorCheck;
import dev.gradecheck.toolkit.Tolerances;
import dev.gradecheck.toolkit.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
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
        OperationChecks checks = new OperationChecks();
        checks.add("d(x.mul(x))/dx at x = 3", () -> {
            Value x = new Value(3.0);
            x.mul(x).backward();
            if (x.grad() == 3.0) {
                Verdicts.diagnose(reporter, "overwrite-instead-of-accumulate", "x.mul(x) at x = 3 gave x.grad() = "
                        + "3, the gradient of ONE path: the second path overwrote the first. A value used twice gets "
                        + "the SUM of both paths (3 + 3 = 6): add to grad with +=, never assign it with =.");
            }
            return scalar("d(x.mul(x))/dx at x = 3", x.grad(), 6.0);
        });
        checks.add("d(x.add(x).add(x))/dx at x = 3", () -> {
            Value a = new Value(3.0);
            a.add(a).add(a).backward();
            return scalar("d(x.add(x).add(x))/dx at x = 3", a.grad(), 3.0);
        });
        checks.add("d(h.mul(h.mul(-1.5).add(h)))/dx with h = 2x at x = 0.5", () -> {
            Value b = new Value(0.5);
            Value twice = b.mul(2.0); // a NON-leaf used three times: its gradient is the sum of every path
            twice.mul(twice.mul(-1.5).add(twice)).backward();
            return scalar("d(h.mul(h.mul(-1.5).add(h)))/dx with h = 2x at x = 0.5", b.grad(),
                    numerical(v -> -0.5 * 4 * v * v, 0.5));
        });
        checks.grade(reporter);
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
    void leafGradientsAccumulateAcrossBackwardPasses(TestReporter reporter) {
        requireBasicOperations(reporter, "that leaf gradients accumulate across backward passes");
        Value x = new Value(2.0);
        x.mul(3.0).backward();
        assertEquals(3.0, x.grad(), EXACT, "after x.mul(3.0).backward() at x = 2, x.grad()");
        x.mul(x).backward();
        assertEquals(3.0 + 4.0, x.grad(), EXACT, "a second graph x.mul(x).backward() must ADD 4 to x.grad() "
                + "(leaf gradients accumulate across passes until zeroGrad())");
        x.mul(x).mul(x).backward();
        assertEquals(3.0 + 4.0 + 12.0, x.grad(), EXACT, "a third pass x.mul(x).mul(x).backward() must add 12 more");
    }

    @Test
    void zeroGradResetsOnlyThatValue(TestReporter reporter) {
        requireBasicOperations(reporter, "zeroGrad");
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
        requireBasicOperations(reporter, "that non-leaf gradients are recomputed by every pass");
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
        requireBasicOperations(reporter, "retain-graph semantics (two retained passes)");
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
        requireBasicOperations(reporter, "that backward() releases the graph");
        Value x = new Value(0.8);
        Value y = x.mul(x).add(x.mul(3.0));
        y.backward(); // same as backward(false): releases the graph
        double afterFirst = x.grad();
        assertEquals(2 * 0.8 + 3.0, afterFirst, 1e-12, "d(x*x + 3x)/dx at x = 0.8");

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
        requireBasicOperations(reporter, "that backward does not overflow the stack");
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

    // ------------------------------------------------------------------ every operation, at the root and inside larger expressions

    @Test
    void arithmeticGradientsMatchCentralDifferences(TestReporter reporter) {
        new OperationChecks()
                .binary("x.add(y)", Value::add, (a, b) -> a + b)
                .binary("x.sub(y)", Value::sub, (a, b) -> a - b)
                .binary("x.mul(y)", Value::mul, (a, b) -> a * b)
                .unary("x.neg()", Value::neg, a -> -a, 0.7)
                .unary("x.add(2.5)", v -> v.add(2.5), a -> a + 2.5, 0.7)
                .unary("x.mul(-3.0)", v -> v.mul(-3.0), a -> -3.0 * a, 0.7)
                .grade(reporter);
    }

    @Test
    void powGradientsMatchCentralDifferences(TestReporter reporter) {
        new OperationChecks()
                .unary("x.pow(2.0)", v -> v.pow(2.0), a -> a * a, -1.5)
                .unary("x.pow(3.0)", v -> v.pow(3.0), a -> a * a * a, 0.7)
                .unary("x.pow(0.5)", v -> v.pow(0.5), Math::sqrt, 2.0)
                .unary("x.pow(-1.0)", v -> v.pow(-1.0), a -> 1.0 / a, 1.7)
                .grade(reporter);
    }

    @Test
    void reluSigmoidAndTanhGradientsMatchCentralDifferences(TestReporter reporter) {
        OperationChecks checks = new OperationChecks()
                .unary("x.relu()", Value::relu, a -> Math.max(0.0, a), 0.8)
                .unary("x.relu()", Value::relu, a -> Math.max(0.0, a), -0.8);
        for (double at : new double[] {-2.0, 0.3, 1.7}) {
            checks.unary("x.sigmoid()", Value::sigmoid, ValueHiddenTests::sigmoid, at);
        }
        checks.unary("x.tanh()", Value::tanh, Math::tanh, -0.9).unary("x.tanh()", Value::tanh, Math::tanh, 0.4);
        try {
            diagnoseSigmoidAtActivation(reporter);
        } catch (RuntimeException stubOrBug) {
            // the checks below grade sigmoid on its own; a throwing sigmoid costs only its checks
        }
        checks.grade(reporter);
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
        new OperationChecks()
                .unary("x.exp()", Value::exp, Math::exp, -0.4)
                .unary("x.exp()", Value::exp, Math::exp, 1.2)
                .unary("x.log()", Value::log, Math::log, 0.3)
                .unary("x.log()", Value::log, Math::log, 2.5)
                .grade(reporter);
    }

    // ------------------------------------------------------------------ layers, losses and micrograd's own example

    @Test
    void aLayerAndTwoLossesInsideLargerExpressionsMatchCentralDifferences(TestReporter reporter) {
        OperationChecks checks = new OperationChecks();
        double[] start = {0.6, -0.4, 0.9, 0.3, -0.7, 0.2, 0.5, -1.1, 0.15};
        for (double k : new double[] {-1.7, 0.6}) {
            for (int p = 0; p < start.length; p++) {
                int parameter = p;
                String name = "d(" + k + " * squared error of a 2-2-1 relu net)/d" + NET_PARAMETERS[p];
                checks.add(name, () -> OperationChecks.scalar(name, netGradient(start, k, parameter),
                        Gradients.numerical(v -> netLoss(with(start, parameter, v), k), start[parameter])));
            }
        }
        double[] neuron = {0.8, -0.5, 0.1};
        for (double k : new double[] {-0.8, 2.5}) {
            for (int p = 0; p < neuron.length; p++) {
                int parameter = p;
                String name = "d(" + k + " * log loss of a sigmoid neuron + 0.1 (w1^2 + w2^2))/d"
                        + NEURON_PARAMETERS[p];
                checks.add(name, () -> OperationChecks.scalar(name, neuronGradient(neuron, k, parameter),
                        Gradients.numerical(v -> neuronLoss(with(neuron, parameter, v), k), neuron[parameter])));
            }
        }
        checks.grade(reporter);
    }

    private static final String[] NET_PARAMETERS = {"w11", "w12", "w21", "w22", "b1", "b2", "v1", "v2", "c"};
    private static final String[] NEURON_PARAMETERS = {"w1", "w2", "b"};
    private static final double[] NET_INPUT = {1.2, -0.7};
    private static final double NET_TARGET = 0.35;
    private static final double[] NEURON_INPUT = {0.9, 1.6};
    private static final double NEURON_TARGET = 1.0;

    /** {@code k (v1 relu(h1) + v2 relu(h2) + c - t)^2} with {@code h_i = w_i1 x1 + w_i2 x2 + b_i}, built from Values. */
    private static double netGradient(double[] start, double k, int parameter) {
        Value[] p = new Value[start.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = new Value(start[i]);
        }
        Value h1 = p[0].mul(NET_INPUT[0]).add(p[1].mul(NET_INPUT[1])).add(p[4]).relu();
        Value h2 = p[2].mul(NET_INPUT[0]).add(p[3].mul(NET_INPUT[1])).add(p[5]).relu();
        Value out = p[6].mul(h1).add(p[7].mul(h2)).add(p[8]);
        out.sub(new Value(NET_TARGET)).pow(2.0).mul(k).backward();
        return p[parameter].grad();
    }

    private static double netLoss(double[] p, double k) {
        double h1 = Math.max(0.0, p[0] * NET_INPUT[0] + p[1] * NET_INPUT[1] + p[4]);
        double h2 = Math.max(0.0, p[2] * NET_INPUT[0] + p[3] * NET_INPUT[1] + p[5]);
        double error = p[6] * h1 + p[7] * h2 + p[8] - NET_TARGET;
        return k * error * error;
    }

    /** {@code k (-t log s - (1 - t) log(1 - s)) + 0.1 (w1^2 + w2^2)} with {@code s = sigmoid(w.x + b)}. */
    private static double neuronGradient(double[] start, double k, int parameter) {
        Value w1 = new Value(start[0]);
        Value w2 = new Value(start[1]);
        Value b = new Value(start[2]);
        Value s = w1.mul(NEURON_INPUT[0]).add(w2.mul(NEURON_INPUT[1])).add(b).sigmoid();
        Value logLoss = s.log().mul(-NEURON_TARGET).sub(s.neg().add(1.0).log().mul(1.0 - NEURON_TARGET));
        logLoss.mul(k).add(w1.pow(2.0).add(w2.pow(2.0)).mul(0.1)).backward();
        return new Value[] {w1, w2, b}[parameter].grad();
    }

    private static double neuronLoss(double[] p, double k) {
        double s = sigmoid(p[0] * NEURON_INPUT[0] + p[1] * NEURON_INPUT[1] + p[2]);
        double logLoss = -NEURON_TARGET * Math.log(s) - (1.0 - NEURON_TARGET) * Math.log(1.0 - s);
        return k * logLoss + 0.1 * (p[0] * p[0] + p[1] * p[1]);
    }

    private static double[] with(double[] values, int index, double value) {
        double[] copy = values.clone();
        copy[index] = value;
        return copy;
    }

    /**
     * The two examples micrograd publishes (karpathy/micrograd: the README's example and its sanity check), ported to
     * this API; the published figures are 24.7041, 138.8338 and 645.5773 (to 4 decimals), and -20 and 46.
     */
    @Test
    void microgradsPublishedExamplesGiveItsNumbers(TestReporter reporter) {
        OperationChecks checks = new OperationChecks();
        checks.add("micrograd README example: g.data()", () -> published("g.data()", readmeExample()[0], 24.7041));
        checks.add("micrograd README example: a.grad()", () -> published("a.grad()", readmeExample()[1], 138.8338));
        checks.add("micrograd README example: b.grad()", () -> published("b.grad()", readmeExample()[2], 645.5773));
        checks.add("micrograd sanity check: y.data()", () -> published("y.data()", sanityCheck()[0], -20.0));
        checks.add("micrograd sanity check: x.grad()", () -> published("x.grad()", sanityCheck()[1], 46.0));
        checks.grade(reporter);
    }

    /** micrograd's README: {@code [g.data, a.grad, b.grad]}; {@code f / 2.0} is {@code f * 0.5}, as in micrograd. */
    private static double[] readmeExample() {
        Value a = new Value(-4.0);
        Value b = new Value(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3.0));
        c = c.add(c.add(1.0));                         // c += c + 1
        c = c.add(c.add(1.0).add(a.neg()));            // c += 1 + c + (-a)
        d = d.add(d.mul(2.0).add(b.add(a).relu()));    // d += d * 2 + (b + a).relu()
        d = d.add(d.mul(3.0).add(b.sub(a).relu()));    // d += 3 * d + (b - a).relu()
        Value e = c.sub(d);
        Value f = e.pow(2.0);
        Value g = f.mul(0.5);                          // g = f / 2.0
        g = g.add(f.pow(-1.0).mul(10.0));              // g += 10.0 / f
        g.backward();
        return new double[] {g.data(), a.grad(), b.grad()};
    }

    /** micrograd's {@code test_sanity_check}: {@code [y.data, x.grad]}. */
    private static double[] sanityCheck() {
        Value x = new Value(-4.0);
        Value z = x.mul(2.0).add(2.0).add(x);          // z = 2 * x + 2 + x
        Value q = z.relu().add(z.mul(x));              // q = z.relu() + z * x
        Value h = z.mul(z).relu();                     // h = (z * z).relu()
        Value y = h.add(q).add(q.mul(x));              // y = h + q + q * x
        y.backward();
        return new double[] {y.data(), x.grad()};
    }

    /** micrograd prints 4 decimals: within 5e-5 of the figure counts as equal. */
    private static TensorCheck published(String name, double actual, double figure) {
        if (Math.abs(actual - figure) <= 5e-5) {
            return TensorCheck.passed(name, 0.0);
        }
        return TensorCheck.failed(name, Tolerances.relativeError(actual, figure), List.of(new Finding("wrong-values",
                name + " is " + actual + " but micrograd's published figure is " + figure + " — every operation "
                + "passes the gradient of its output on to its operands (o.grad += local * out.grad); compare your "
                + "backward step of each operation in the expression with the table of the statement.")));
    }

    // ------------------------------------------------------------------ helpers

    /** The operations the graph-semantics tests build their graphs from: the basic arithmetic only. */
    private static void requireBasicOperations(TestReporter reporter, String about) {
        Stubs.require(reporter, "add", about, () -> new Value(1.0).add(new Value(2.0)));
        Stubs.require(reporter, "add(double)", about, () -> new Value(1.0).add(2.0));
        Stubs.require(reporter, "mul", about, () -> new Value(1.0).mul(new Value(2.0)));
        Stubs.require(reporter, "mul(double)", about, () -> new Value(1.0).mul(2.0));
        Stubs.require(reporter, "sub", about, () -> new Value(1.0).sub(new Value(2.0)));
        Stubs.require(reporter, "neg", about, () -> new Value(1.0).neg());
        Stubs.require(reporter, "isLeaf", about, () -> new Value(1.0).isLeaf());
    }

    private static TensorCheck scalar(String name, double actual, double expected) {
        return OperationChecks.scalar(name, actual, expected);
    }

    private static double numerical(DoubleUnaryOperator f, double at) {
        return Gradients.numerical(f, at);
    }

    /**
     * A chain of 15 basic operations (add, sub, mul, neg and their constant forms: the semantics tests depend on no
     * other operation) in which x, y and the non-leaves b and e are each used twice or more; {@code inner} collects
     * the non-leaves whose gradients {@link #nonLeafGradientsAreRecomputedByEveryPassNeverAccumulated} compares.
     */
    private static Value chain(Value x, Value y, List<Value> inner) {
        Value a = x.mul(y);
        Value b = x.mul(0.5).add(1.0);
        Value c = a.add(b).mul(b);
        Value d = c.sub(y.mul(y));
        Value e = d.mul(-0.75).add(x);
        Value f = e.neg().mul(e);
        Value root = f.add(d.mul(d)).sub(c.mul(2.0));
        inner.addAll(List.of(a, b, c, d, e, f));
        return root;
    }

    /** {@link #chain} in plain doubles. */
    private static double chain(double x, double y) {
        double b = 0.5 * x + 1.0;
        double c = (x * y + b) * b;
        double d = c - y * y;
        double e = -0.75 * d + x;
        return -e * e + d * d - 2.0 * c;
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
