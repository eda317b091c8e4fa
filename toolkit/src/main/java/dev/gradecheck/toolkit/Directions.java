package dev.gradecheck.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random unit directions for projected (directional) gradient checks. */
final class Directions {

    private Directions() {
    }

    /**
     * Draws {@code count} directions with independent standard Gaussian entries, each scaled to unit Frobenius norm,
     * so that every direction is uniform on the unit sphere and all coordinates are probed. The same seed gives the
     * same directions on every JVM.
     *
     * @return the directions, each of the given shape
     */
    static List<double[][]> gaussianUnit(Shape shape, int count, long seed) {
        Random random = new Random(seed);
        List<double[][]> directions = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            directions.add(unit(gaussian(shape, random)));
        }
        return directions;
    }

    private static double[][] gaussian(Shape shape, Random random) {
        double[][] direction = new double[shape.rows()][shape.columns()];
        for (double[] row : direction) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return direction;
    }

    private static double[][] unit(double[][] direction) {
        double norm = Math.sqrt(Tensors.dot(direction, direction));
        for (double[] row : direction) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= norm;
            }
        }
        return direction;
    }
}
