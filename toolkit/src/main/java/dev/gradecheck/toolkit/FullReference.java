package dev.gradecheck.toolkit;

/** The expected gradient as a whole tensor. */
record FullReference(Shape shape, double[] expected) implements Reference {

    @Override
    public double[] project(double[][] candidate) {
        return Tensors.flatten(candidate);
    }

    @Override
    public double error(double[] projected) {
        return Tensors.relativeError(projected, expected);
    }

    @Override
    public String nonFiniteExpectation(String name) {
        return "the expected value of " + name + " contains NaN or Infinity, so it cannot be checked — the loss"
                + " overflows near these parameters: make the forward pass numerically stable (subtract the row"
                + " maximum before exp in softmax, keep log away from 0).";
    }
}
