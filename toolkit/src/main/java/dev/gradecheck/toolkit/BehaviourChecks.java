package dev.gradecheck.toolkit;

import java.util.List;

/** Repeatability and read-only checks of a backward pass (see {@link Gradients#checkRepeatable}). */
final class BehaviourChecks {

    private BehaviourChecks() {
    }

    /** Passes when both passes agree below the course's bar: smaller differences change no verdict. */
    static TensorCheck repeatable(String name, double[][] first, double[][] second) {
        Shape firstShape = first == null ? null : shapeOrNull(first);
        Shape secondShape = second == null ? null : shapeOrNull(second);
        if (firstShape == null || !firstShape.equals(secondShape)) {
            return TensorCheck.failed(name, Double.NaN, List.of(BehaviourDiagnoses.nonDeterministic(name,
                    "shape " + describe(firstShape) + " the first time, " + describe(secondShape) + " the second",
                    Figures.none().put("first_shape", describe(firstShape))
                            .put("second_shape", describe(secondShape)).map())));
        }
        if (countChanged(first, second) == 0) {
            return TensorCheck.passed(name, 0);
        }
        double error = Tensors.relativeError(Tensors.flatten(second), Tensors.flatten(first));
        if (error < Gradients.PASS_BAR) {
            return TensorCheck.passed(name, error);
        }
        return TensorCheck.failed(name, error, List.of(BehaviourDiagnoses.nonDeterministic(name,
                "relative error " + Formats.error(error) + " between the passes",
                Figures.shapes(firstShape, secondShape).error(error).map())));
    }

    static TensorCheck unchanged(String name, double[][] before, double[][] after) {
        Shape beforeShape = Tensors.requireRectangular(before, "before");
        Shape afterShape = after == null ? null : shapeOrNull(after);
        if (!beforeShape.equals(afterShape)) {
            return TensorCheck.failed(name, Double.NaN, List.of(BehaviourDiagnoses.mutatesInput(name,
                    "its shape went from " + beforeShape + " to " + describe(afterShape),
                    Figures.shapes(beforeShape, afterShape).map())));
        }
        long changed = countChanged(before, after);
        if (changed == 0) {
            return TensorCheck.passed(name, 0);
        }
        double error = Tensors.relativeError(Tensors.flatten(after), Tensors.flatten(before));
        return TensorCheck.failed(name, error, List.of(BehaviourDiagnoses.mutatesInput(name,
                changed + " of " + beforeShape.size() + " entries changed, first at " + firstChange(before, after),
                Figures.shapes(beforeShape, afterShape).error(error)
                        .put("changed_entries", Long.toString(changed)).map())));
    }

    private static Shape shapeOrNull(double[][] tensor) {
        return Tensors.raggedness(tensor).isPresent() ? null : Shape.of(tensor);
    }

    private static String describe(Shape shape) {
        return shape == null ? "null or ragged" : shape.toString();
    }

    /** Counts entries that differ; NaN equals NaN and 0.0 equals -0.0. */
    private static long countChanged(double[][] a, double[][] b) {
        long changed = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                changed += same(a[i][j], b[i][j]) ? 0 : 1;
            }
        }
        return changed;
    }

    private static String firstChange(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (!same(a[i][j], b[i][j])) {
                    return "row " + i + ", column " + j + ": " + a[i][j] + " became " + b[i][j];
                }
            }
        }
        throw new IllegalStateException("no changed entry");
    }

    private static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
}
