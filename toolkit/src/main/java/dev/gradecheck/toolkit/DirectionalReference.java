package dev.gradecheck.toolkit;

import java.util.List;

/**
 * Directional derivatives of the loss along unit directions {@code u}: the analytical gradient {@code g} is right
 * when every projection {@code u.g} matches its central difference.
 */
record DirectionalReference(Shape shape, List<double[][]> directions, double[] slopes) implements Reference {

    @Override
    public double[] expected() {
        return slopes;
    }

    @Override
    public double[] project(double[][] candidate) {
        return directions.stream().mapToDouble(u -> Tensors.dot(u, candidate)).toArray();
    }

    /** The worst direction decides: per direction {@code |a - b| / (|a| + |b|)}, 0 when both are 0. */
    @Override
    public double error(double[] projected) {
        double worst = 0;
        for (int k = 0; k < slopes.length; k++) {
            worst = Math.max(worst, Tensors.relativeError(new double[] {projected[k]}, new double[] {slopes[k]}));
        }
        return worst;
    }

    @Override
    public String nonFiniteExpectation(String name) {
        return "the loss is NaN or Infinity near these parameters, so " + name + " cannot be checked — make the"
                + " forward pass numerically stable (subtract the row maximum before exp in softmax, keep log away"
                + " from 0).";
    }
}
