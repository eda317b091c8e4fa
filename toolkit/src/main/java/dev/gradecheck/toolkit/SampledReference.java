package dev.gradecheck.toolkit;

/** The expected gradient known at sampled coordinates. */
record SampledReference(SampledGradient sampled) implements Reference {

    @Override
    public Shape shape() {
        return new Shape(sampled.rows(), sampled.columns());
    }

    @Override
    public double[] expected() {
        return sampled.values();
    }

    @Override
    public double[] project(double[][] candidate) {
        return sampled.valuesAt(candidate);
    }

    @Override
    public double error(double[] projected) {
        return Tensors.relativeError(projected, expected());
    }

    @Override
    public String nonFiniteExpectation(String name) {
        return "the numerical gradient of the loss for " + name + " contains NaN or Infinity, so it cannot be"
                + " checked — the loss overflows near these parameters: make the forward pass numerically stable"
                + " (subtract the row maximum before exp in softmax, keep log away from 0).";
    }
}
