package backprop.autograd;

import dev.gradecheck.toolkit.Checklist;
import dev.gradecheck.toolkit.Finding;
import dev.gradecheck.toolkit.Gradients;
import dev.gradecheck.toolkit.TensorCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestReporter;

/**
 * The checks of one operation family of {@link Value}, each graded on its own through a {@link Checklist}: every
 * operation at the root (where the gradient of its output is exactly 1), inside a larger expression whose upstream
 * gradient is not 1 (a negative and a small positive one, and a non-leaf input), and with its input used twice.
 *
 * <p>Expected gradients are central differences of the same expression in plain {@code double}s. When a check fails
 * with the fingerprint of a classic mistake, that diagnosis comes first: {@code missing-upstream-factor} (the
 * gradient is exactly the right one divided by the upstream gradient) or {@code overwrite-in-one-operation} (the
 * gradient is exactly the share of the path through the operation, the other path's share wiped out).
 */
final class OperationChecks {

    /** Upstream gradients of the larger expressions: different signs and sizes, never 1. */
    private static final double[] UPSTREAM = {-2.5, 0.4};
    /** Scale of the non-leaf input {@code u = a x + b} for each upstream case. */
    private static final double[] INPUT_SCALE = {0.5, -1.5};
    /** The leaf every larger expression starts from. */
    private static final double X = 0.8;
    /** Upstream gradient of the used-twice expressions. */
    private static final double TWICE_UPSTREAM = -1.5;
    /** Relative distance within which a gradient matches a mistake's fingerprint (numerical noise is ~1e-10). */
    private static final double FINGERPRINT = 1e-6;

    private record Check(String name, Supplier<TensorCheck> verdict) {
    }

    private final List<Check> checks = new ArrayList<>();

    /** Runs every added check on its own, publishing the credit after each, then fails if any failed. */
    void grade(TestReporter reporter) {
        Checklist list = Checklist.of(reporter, checks.size());
        checks.forEach(check -> list.check(check.name(), check.verdict()));
        list.finish();
    }

    /** Adds a check of the test's own. */
    void add(String name, Supplier<TensorCheck> verdict) {
        checks.add(new Check(name, verdict));
    }

    /** A unary operation at {@code at}: root data and gradient, two larger expressions, input used twice. */
    OperationChecks unary(String call, Function<Value, Value> op, DoubleUnaryOperator f, double at) {
        String data = call + ".data() at x = " + at;
        add(data, () -> scalar(data, op.apply(new Value(at)).data(), f.applyAsDouble(at)));
        add("d(" + call + ")/dx at x = " + at, () -> {
            Value x = new Value(at);
            op.apply(x).backward();
            return scalar("d(" + call + ")/dx at x = " + at, x.grad(), Gradients.numerical(f, at));
        });
        for (int i = 0; i < UPSTREAM.length; i++) {
            upstream(call, op, f, at, UPSTREAM[i], INPUT_SCALE[i]);
        }
        usedTwice(call, op, f, at);
        return this;
    }

    /** A binary operation at x = 0.7, y = -1.3: root data and both gradients, larger expressions, operand twice. */
    OperationChecks binary(String call, BinaryOperator<Value> op, DoubleBinaryOperator f) {
        double x = 0.7;
        double y = -1.3;
        String at = " at x = " + x + ", y = " + y;
        add(call + ".data()" + at, () -> scalar(call + ".data()" + at,
                op.apply(new Value(x), new Value(y)).data(), f.applyAsDouble(x, y)));
        for (boolean left : new boolean[] {true, false}) {
            String name = "d(" + call + ")/d" + (left ? "x" : "y") + at;
            add(name, () -> {
                Value l = new Value(x);
                Value r = new Value(y);
                op.apply(l, r).backward();
                double expected = left ? Gradients.numerical(v -> f.applyAsDouble(v, y), x)
                        : Gradients.numerical(v -> f.applyAsDouble(x, v), y);
                return scalar(name, left ? l.grad() : r.grad(), expected);
            });
        }
        for (double k : UPSTREAM) {
            binaryUpstream(call, op, f, k, true);
            binaryUpstream(call, op, f, k, false);
        }
        binaryTwice(call, op, f);
        return this;
    }

    /** {@code root = op(u) * k} with {@code u = a x + b} a non-leaf worth {@code at}. */
    private void upstream(String call, Function<Value, Value> op, DoubleUnaryOperator f, double at, double k,
                          double a) {
        double b = at - a * X;
        String expression = on("u", call) + ".mul(" + k + ") with u = x.mul(" + a + ").add(" + b + ") = " + at;
        String name = "d(" + expression + ")/dx";
        add(name, () -> {
            Value x = new Value(X);
            op.apply(x.mul(a).add(b)).mul(k).backward();
            double expected = Gradients.numerical(v -> k * f.applyAsDouble(a * v + b), X);
            return recognised(scalar(name, x.grad(), expected), missingUpstream(call, name, k, x.grad(), expected));
        });
    }

    /** {@code root = op(u) * u * k} with {@code u = 0.5 x + b} worth {@code at}: u feeds op and the product. */
    private void usedTwice(String call, Function<Value, Value> op, DoubleUnaryOperator f, double at) {
        double a = 0.5;
        double b = at - a * X;
        double k = TWICE_UPSTREAM;
        String expression = on("u", call) + ".mul(u).mul(" + k + ") with u = x.mul(0.5).add(" + b + ") = " + at;
        String name = "d(" + expression + ")/dx";
        add(name, () -> {
            Value x = new Value(X);
            Value u = x.mul(a).add(b);
            op.apply(u).mul(u).mul(k).backward();
            double expected = Gradients.numerical(v -> k * f.applyAsDouble(a * v + b) * (a * v + b), X);
            double throughOpOnly = Gradients.numerical(v -> k * f.applyAsDouble(a * v + b) * at, X);
            return recognised(scalar(name, x.grad(), expected),
                    overwrite(call, name, x.grad(), expected, throughOpOnly));
        });
    }

    /** {@code root = op(x * a, y + b) * k}: the gradient of one operand. */
    private void binaryUpstream(String call, BinaryOperator<Value> op, DoubleBinaryOperator f, double k,
                                boolean left) {
        double a = -1.5;
        double b = 0.25;
        String expression = on("x.mul(" + a + ")", call, "y.add(" + b + ")") + ".mul(" + k + ")";
        String name = "d(" + expression + ")/d" + (left ? "x" : "y") + " at x = 0.7, y = -1.3";
        add(name, () -> {
            Value l = new Value(0.7);
            Value r = new Value(-1.3);
            op.apply(l.mul(a), r.add(b)).mul(k).backward();
            double expected = left ? Gradients.numerical(v -> k * f.applyAsDouble(a * v, -1.3 + b), 0.7)
                    : Gradients.numerical(v -> k * f.applyAsDouble(a * 0.7, v + b), -1.3);
            double actual = left ? l.grad() : r.grad();
            return recognised(scalar(name, actual, expected), missingUpstream(call, name, k, actual, expected));
        });
    }

    /** {@code root = op(u, u) * k} with {@code u = 0.5 x + 0.3}: one non-leaf as both operands. */
    private void binaryTwice(String call, BinaryOperator<Value> op, DoubleBinaryOperator f) {
        double k = TWICE_UPSTREAM;
        String name = "d(" + on("u", call, "u") + ".mul(" + k + "))/dx with u = x.mul(0.5).add(0.3), x = " + X;
        add(name, () -> {
            Value x = new Value(X);
            Value u = x.mul(0.5).add(0.3);
            op.apply(u, u).mul(k).backward();
            double at = 0.5 * X + 0.3;
            double expected = Gradients.numerical(v -> k * f.applyAsDouble(0.5 * v + 0.3, 0.5 * v + 0.3), X);
            double leftOnly = Gradients.numerical(v -> k * f.applyAsDouble(0.5 * v + 0.3, at), X);
            double rightOnly = Gradients.numerical(v -> k * f.applyAsDouble(at, 0.5 * v + 0.3), X);
            Optional<Finding> overwritten = overwrite(call, name, x.grad(), expected, leftOnly)
                    .or(() -> overwrite(call, name, x.grad(), expected, rightOnly));
            return recognised(scalar(name, x.grad(), expected), overwritten);
        });
    }

    private static Optional<Finding> missingUpstream(String call, String name, double k, double actual,
                                                     double expected) {
        if (!fits(actual * k, expected) || fits(actual, expected)) {
            return Optional.empty();
        }
        return Optional.of(new Finding("missing-upstream-factor", name + " is " + actual + ", exactly the right "
                + expected + " divided by " + k + ", the gradient arriving from above: the backward step of "
                + operation(call) + " adds its local derivative without multiplying it by the gradient of its "
                + "output. At the root that gradient is 1, so root-only checks cannot see it; every step must be "
                + "operand.grad += local derivative * out.grad."));
    }

    private static Optional<Finding> overwrite(String call, String name, double actual, double expected,
                                               double onePath) {
        if (!fits(actual, onePath) || fits(actual, expected)) {
            return Optional.empty();
        }
        return Optional.of(new Finding("overwrite-in-one-operation", name + " is " + actual + ", only the "
                + "gradient along the path through " + operation(call) + " (the right value is " + expected
                + "): u is used twice, and the backward step of " + operation(call) + " ASSIGNS its operand's "
                + "gradient (=) and wipes out what the other use added. Add to it: operand.grad += local "
                + "derivative * out.grad."));
    }

    /** {@code u.exp()} for {@code x.exp()}: the call on another receiver. */
    private static String on(String receiver, String call) {
        return receiver + call.substring(1);
    }

    /** {@code u.add(v)} for {@code x.add(y)}: the binary call on other operands. */
    private static String on(String receiver, String call, String operand) {
        return receiver + call.substring(1, call.indexOf('(') + 1) + operand + ")";
    }

    /** {@code `pow`} for {@code x.pow(2.0)}. */
    private static String operation(String call) {
        int dot = call.indexOf('.');
        int paren = call.indexOf('(');
        return "`" + call.substring(dot + 1, paren) + "`";
    }

    private static TensorCheck recognised(TensorCheck check, Optional<Finding> mistake) {
        if (check.passed() || mistake.isEmpty()) {
            return check;
        }
        List<Finding> diagnoses = new ArrayList<>(List.of(mistake.get()));
        diagnoses.addAll(check.diagnoses());
        return TensorCheck.failed(check.name(), check.relativeError(), diagnoses);
    }

    static TensorCheck scalar(String name, double actual, double expected) {
        return Gradients.check(name, new double[][] {{actual}}, new double[][] {{expected}});
    }

    private static boolean fits(double actual, double expected) {
        return Math.abs(actual - expected) <= FINGERPRINT * Math.max(Math.abs(expected), 1e-12);
    }
}
