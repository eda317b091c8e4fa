package backprop.autograd;

/**
 * Exercise {@code autograd}: a scalar that remembers how it was computed, so that {@link #backward()} can fill in
 * the gradient of the result with respect to every value it depends on (reverse-mode automatic differentiation).
 *
 * <p>A value made with the constructor is a LEAF (an input or parameter). Every operation returns a new, non-leaf
 * value that remembers its operands and the local derivative with respect to each of them.
 *
 * <p>Rules for {@link #backward(boolean)}:
 * <ul>
 *   <li>{@code d(root)/d(root) = 1}; relu'(0) = 0.</li>
 *   <li>A value used more than once receives the SUM of the gradients along every path ({@code x.mul(x)} at
 *       {@code x = 3} gives {@code x.grad() == 6}): accumulate with {@code +=}.</li>
 *   <li>Leaf gradients accumulate across backward passes until {@link #zeroGrad()}; non-leaf gradients are
 *       recomputed by every pass and never accumulate. So two passes with {@code retainGraph = true} give every
 *       leaf exactly twice the gradient of one pass.</li>
 *   <li>{@code backward(false)} releases the graph: any later backward through a released non-leaf throws an
 *       {@link IllegalStateException} whose message contains {@code retainGraph}, before any gradient changes.
 *       (Stricter than PyTorch.) Backward on a bare leaf has no graph: it just adds 1 to its gradient.</li>
 *   <li>Graphs can be deep: a chain of 100,000 operations must not overflow the stack, so visit the graph
 *       (topological order) with an explicit stack, not with recursion.</li>
 * </ul>
 *
 * <p>Student file: implement every method that throws {@code UnsupportedOperationException("TODO: ...")}. You may
 * add private fields, constructors and methods. Not thread-safe.
 */
public final class Value {

    private final double data;
    private double grad;

    /**
     * A leaf value with gradient 0.
     *
     * @param data the value
     */
    public Value(double data) {
        this.data = data;
    }

    /** The value. */
    public double data() {
        return data;
    }

    /** The gradient of the root of the latest backward pass with respect to this value (0 before any). */
    public double grad() {
        return grad;
    }

    /** Whether this value was made by the constructor (true) rather than by an operation (false). */
    public boolean isLeaf() {
        throw new UnsupportedOperationException("TODO: implement Value.isLeaf");
    }

    /** {@code this + o}; local derivatives 1 and 1. */
    public Value add(Value o) {
        throw new UnsupportedOperationException("TODO: implement Value.add");
    }

    /** {@code this + c} for a constant {@code c}; local derivative 1. */
    public Value add(double c) {
        throw new UnsupportedOperationException("TODO: implement Value.add(double)");
    }

    /** {@code this * o}; local derivatives {@code o} and {@code this}. */
    public Value mul(Value o) {
        throw new UnsupportedOperationException("TODO: implement Value.mul");
    }

    /** {@code this * c} for a constant {@code c}; local derivative {@code c}. */
    public Value mul(double c) {
        throw new UnsupportedOperationException("TODO: implement Value.mul(double)");
    }

    /** {@code this - o}; local derivatives 1 and -1. */
    public Value sub(Value o) {
        throw new UnsupportedOperationException("TODO: implement Value.sub");
    }

    /** {@code -this}; local derivative -1. */
    public Value neg() {
        throw new UnsupportedOperationException("TODO: implement Value.neg");
    }

    /** {@code this ^ exponent} for a constant exponent; local derivative {@code exponent * this^(exponent - 1)}. */
    public Value pow(double exponent) {
        throw new UnsupportedOperationException("TODO: implement Value.pow");
    }

    /** {@code max(0, this)}; local derivative 1 if {@code this > 0}, else 0 (so relu'(0) = 0). */
    public Value relu() {
        throw new UnsupportedOperationException("TODO: implement Value.relu");
    }

    /** {@code 1 / (1 + e^-this)}, computed stably; local derivative {@code s (1 - s)}. */
    public Value sigmoid() {
        throw new UnsupportedOperationException("TODO: implement Value.sigmoid");
    }

    /** {@code tanh(this)}; local derivative {@code 1 - t^2}. */
    public Value tanh() {
        throw new UnsupportedOperationException("TODO: implement Value.tanh");
    }

    /** {@code e^this}; local derivative {@code e^this}. */
    public Value exp() {
        throw new UnsupportedOperationException("TODO: implement Value.exp");
    }

    /** The natural logarithm of this; local derivative {@code 1 / this}. */
    public Value log() {
        throw new UnsupportedOperationException("TODO: implement Value.log");
    }

    /** Same as {@code backward(false)}: backpropagates from this value and releases the graph. */
    public void backward() {
        backward(false);
    }

    /**
     * Backpropagates from this value (the root): afterwards every value it depends on holds
     * {@code d(root)/d(value)} in {@link #grad()}, following the rules in the class comment.
     *
     * @param retainGraph keep the graph for another backward pass (true) or release it (false)
     * @throws IllegalStateException if the pass would go through a value whose graph an earlier pass released;
     *                               no gradient is changed then
     */
    public void backward(boolean retainGraph) {
        throw new UnsupportedOperationException("TODO: implement Value.backward");
    }

    /** Sets this value's gradient back to 0. */
    public void zeroGrad() {
        grad = 0.0;
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
