package ds.stack;

/** A stack of ints that grows as needed. */
public final class IntStack {

    public void push(int value) {
        throw new UnsupportedOperationException("TODO: implement IntStack.push");
    }

    public int pop() {
        throw new UnsupportedOperationException("TODO: implement IntStack.pop");
    }

    public int size() {
        throw new UnsupportedOperationException("TODO: implement IntStack.size");
    }
}
