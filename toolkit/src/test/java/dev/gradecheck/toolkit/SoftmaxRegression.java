package dev.gradecheck.toolkit;

import java.util.Random;

/**
 * Test fixture: softmax regression with a cross-entropy loss SUMMED over the batch, {@code L(W, b) =
 * sum_i [logsumexp(z_i) - z_i,y_i]} with {@code z = X W + b}; its exact gradients are {@code dW = X^T (P - Y)} and
 * {@code db = sum over rows of (P - Y)}.
 */
final class SoftmaxRegression {

    final double[][] inputs;
    final int[] labels;
    final double[][] weights;
    final double[][] bias;

    private SoftmaxRegression(double[][] inputs, int[] labels, double[][] weights, double[][] bias) {
        this.inputs = inputs;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    /** A batch of {@code batch} rows, {@code features} inputs, {@code classes} outputs, seeded. */
    static SoftmaxRegression of(int batch, int features, int classes, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new SoftmaxRegression(gaussian(batch, features, random), labels,
                gaussian(features, classes, random), gaussian(1, classes, random));
    }

    double lossOfWeights(double[][] w) {
        return loss(w, bias);
    }

    double lossOfBias(double[][] b) {
        return loss(weights, b);
    }

    double loss(double[][] w, double[][] b) {
        double[][] logits = logits(w, b);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += logSumExp(logits[i]) - logits[i][labels[i]];
        }
        return sum;
    }

    /** {@code P - Y}, one row per example. */
    double[][] outputGradient() {
        double[][] delta = logits(weights, bias);
        for (int i = 0; i < delta.length; i++) {
            double normaliser = logSumExp(delta[i]);
            for (int j = 0; j < delta[i].length; j++) {
                delta[i][j] = Math.exp(delta[i][j] - normaliser) - (j == labels[i] ? 1 : 0);
            }
        }
        return delta;
    }

    double[][] gradientOfWeights() {
        return multiply(Tensors.transpose(inputs), outputGradient());
    }

    double[][] gradientOfBias() {
        return Tensors.sumRows(outputGradient());
    }

    int batchSize() {
        return inputs.length;
    }

    private double[][] logits(double[][] w, double[][] b) {
        double[][] logits = multiply(inputs, w);
        for (double[] row : logits) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b[0][j];
            }
        }
        return logits;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    product[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return product;
    }

    static double[][] scaled(double[][] tensor, double factor) {
        double[][] result = Tensors.copy(tensor);
        for (double[] row : result) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return result;
    }

    private static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : row) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : row) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    private static double[][] gaussian(int rows, int columns, Random random) {
        double[][] tensor = new double[rows][columns];
        for (double[] row : tensor) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return tensor;
    }
}
