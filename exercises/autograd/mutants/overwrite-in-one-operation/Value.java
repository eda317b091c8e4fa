package backprop.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Exercise {@code autograd}: a scalar with reverse-mode automatic differentiation. Reference solution.
 *
 * <p>A value made with the constructor is a leaf; every operation returns a non-leaf that stores its operands and
 * the local derivative with respect to each, computed when the value is made. {@link #backward(boolean)} visits the
 * graph in topological order with an explicit stack (no recursion), recomputes every non-leaf gradient, adds to
 * leaf gradients, and optionally releases the graph. Not thread-safe.
 */
public final class Value {

    private static final Value[] NO_OPERANDS = new Value[0];
    private static final double[] NO_DERIVATIVES = new double[0];

    private final double data;
    private final boolean leaf;
    private double grad;
    /** Operands and their local derivatives; emptied when the graph is released. */
    private Value[] operands;
    private double[] localDerivatives;
    private boolean released;
    /** MUTANT overwrite-in-one-operation: set for relu, whose backward step assigns instead of adding. */
    private boolean overwrites;

    /**
     * A leaf value with gradient 0.
     *
     * @param data the value
     */
    public Value(double data) {
        this(data, true, NO_OPERANDS, NO_DERIVATIVES);
    }

    private Value(double data, boolean leaf, Value[] operands, double[] localDerivatives) {
        this.data = data;
        this.leaf = leaf;
        this.operands = operands;
        this.localDerivatives = localDerivatives;
    }

    private static Value unary(double data, Value operand, double derivative) {
        return new Value(data, false, new Value[] {operand}, new double[] {derivative});
    }

    private static Value binary(double data, Value left, double dLeft, Value right, double dRight) {
        return new Value(data, false, new Value[] {left, right}, new double[] {dLeft, dRight});
    }

    /** The value. */
    public double data() {
        return data;
    }

    /** The gradient of the root of the latest backward pass with respect to this value (0 before any). */
    public double grad() {
        return grad;
    }

    /** Whether this value was made by the constructor rather than by an operation. */
    public boolean isLeaf() {
        return leaf;
    }

    /** {@code this + o}. */
    public Value add(Value o) {
        Value right = requireOperand(o);
        return binary(data + right.data, this, 1.0, right, 1.0);
    }

    /** {@code this + c}. */
    public Value add(double c) {
        return unary(data + c, this, 1.0);
    }

    /** {@code this * o}. */
    public Value mul(Value o) {
        Value right = requireOperand(o);
        return binary(data * right.data, this, right.data, right, data);
    }

    /** {@code this * c}. */
    public Value mul(double c) {
        return unary(data * c, this, c);
    }

    /** {@code this - o}. */
    public Value sub(Value o) {
        Value right = requireOperand(o);
        return binary(data - right.data, this, 1.0, right, -1.0);
    }

    /** {@code -this}. */
    public Value neg() {
        return unary(-data, this, -1.0);
    }

    /** {@code this ^ exponent}, derivative {@code exponent * this^(exponent - 1)}. */
    public Value pow(double exponent) {
        return unary(Math.pow(data, exponent), this, exponent * Math.pow(data, exponent - 1.0));
    }

    /** {@code max(0, this)}, derivative 1 above 0 and 0 otherwise. */
    public Value relu() {
        Value out = data > 0.0 ? unary(data, this, 1.0) : unary(0.0, this, 0.0);
        out.overwrites = true;
        return out;
    }

    /** {@code 1 / (1 + e^-this)}, computed without overflow; derivative {@code s (1 - s)}. */
    public Value sigmoid() {
        double s;
        if (data >= 0.0) {
            s = 1.0 / (1.0 + Math.exp(-data));
        } else {
            double e = Math.exp(data);
            s = e / (1.0 + e);
        }
        return unary(s, this, s * (1.0 - s));
    }

    /** {@code tanh(this)}, derivative {@code 1 - t^2}. */
    public Value tanh() {
        double t = Math.tanh(data);
        return unary(t, this, 1.0 - t * t);
    }

    /** {@code e^this}, derivative {@code e^this}. */
    public Value exp() {
        double e = Math.exp(data);
        return unary(e, this, e);
    }

    /** {@code ln(this)}, derivative {@code 1 / this}. */
    public Value log() {
        return unary(Math.log(data), this, 1.0 / data);
    }

    /** Same as {@code backward(false)}. */
    public void backward() {
        backward(false);
    }

    /**
     * Backpropagates from this value: every value it depends on gets {@code d(this)/d(value)}; leaves add it to
     * their gradient, non-leaves are overwritten.
     *
     * @param retainGraph keep the graph for another pass (true) or release it (false)
     * @throws IllegalStateException if the graph was released by an earlier pass; then no gradient changes
     */
    public void backward(boolean retainGraph) {
        List<Value> order = topologicalOrder(); // throws before any gradient changes
        for (Value v : order) {
            if (!v.leaf) {
                v.grad = 0.0;
            }
        }
        grad += 1.0;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).propagate();
        }
        if (!retainGraph) {
            order.forEach(Value::release);
        }
    }

    /** Sets this value's gradient back to 0. */
    public void zeroGrad() {
        grad = 0.0;
    }

    private void propagate() {
        for (int k = 0; k < operands.length; k++) {
            if (overwrites) {
                // MUTANT overwrite-in-one-operation: relu assigns (=) its operand's gradient instead of adding (+=)
                operands[k].grad = grad * localDerivatives[k];
            } else {
                operands[k].grad += grad * localDerivatives[k];
            }
        }
    }

    private void release() {
        if (!leaf) {
            released = true;
            operands = NO_OPERANDS;
            localDerivatives = NO_DERIVATIVES;
        }
    }

    /**
     * Every value this one depends on, itself last, each after all of its operands (depth-first post-order with an
     * explicit stack, so deep graphs cannot overflow the call stack).
     */
    private List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> pending = new ArrayDeque<>();
        Deque<Integer> nextOperand = new ArrayDeque<>();
        visit(this, visited, pending, nextOperand);
        while (!pending.isEmpty()) {
            Value top = pending.peek();
            int k = nextOperand.pop();
            if (k < top.operands.length) {
                nextOperand.push(k + 1);
                Value operand = top.operands[k];
                if (!visited.contains(operand)) {
                    visit(operand, visited, pending, nextOperand);
                }
            } else {
                order.add(pending.pop());
            }
        }
        return order;
    }

    private static void visit(Value v, Set<Value> visited, Deque<Value> pending, Deque<Integer> nextOperand) {
        if (v.released) {
            throw new IllegalStateException("backward through a value whose graph was released by an earlier "
                    + "backward(); call backward(true) (retainGraph) on the earlier pass to backpropagate through "
                    + "the same graph again");
        }
        visited.add(v);
        pending.push(v);
        nextOperand.push(0);
    }

    private static Value requireOperand(Value o) {
        return Objects.requireNonNull(o, "operand must not be null");
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
