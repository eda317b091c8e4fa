package backprop.deep;

/**
 * Exercise {@code vanishing-gradients}: the course's activation functions. Reference solution.
 * Every derivative is taken at the pre-activation {@code z}.
 */
public enum Activations implements Activation {
    /** The logistic sigmoid {@code 1 / (1 + e^-z)}, stable for large {@code |z|}; derivative {@code s (1 - s)}. */
    SIGMOID {
        @Override
        public double apply(double z) {
            if (z >= 0.0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            double s = apply(z);
            return s * (1.0 - s);
        }
    },
    /** The rectified linear unit {@code max(0, z)}; derivative 1 for {@code z > 0}, else 0 (also at 0). */
    RELU {
        @Override
        public double apply(double z) {
            return z > 0.0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0.0 ? 1.0 : 0.0;
        }
    },
    /** The hyperbolic tangent; derivative {@code 1 - tanh^2 z}. */
    TANH {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    }
}
