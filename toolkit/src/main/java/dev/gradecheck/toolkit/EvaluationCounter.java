package dev.gradecheck.toolkit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Wraps a loss and counts how often it is evaluated, e.g. to compare the forward passes of a full numerical gradient
 * ({@code 2 * rows * columns}) with those of a {@linkplain Gradients#directional directional check}
 * ({@code 2 * directions}). Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationCounter implements ToDoubleFunction<double[][]> {

    private final ToDoubleFunction<double[][]> loss;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param loss the loss to count, never null
     */
    public EvaluationCounter(ToDoubleFunction<double[][]> loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
    }

    @Override
    public double applyAsDouble(double[][] parameters) {
        count.incrementAndGet();
        return loss.applyAsDouble(parameters);
    }

    /** @return the number of evaluations so far */
    public long count() {
        return count.get();
    }

    /** Sets the count back to zero. */
    public void reset() {
        count.set(0);
    }
}
