package dev.gradecheck.toolkit;

import dev.gradecheck.protocol.FigureCodec;
import dev.gradecheck.protocol.ReportEntryKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestReporter;

/**
 * A figure a hidden test draws for the student's feedback page, published as the report entry
 * {@value ReportEntryKeys#FIGURE} (see {@code docs/design.md}, "Figures"): bars or lines, a linear or logarithmic
 * value axis, the student's series beside reference series, and an optional threshold line.
 *
 * <pre>{@code
 * Chart.bars("||dW_i|| per layer, seed 1").logScale().axis("Frobenius norm")
 *         .series("your SIGMOID", labels, studentNorms)
 *         .reference("reference SIGMOID", labels, referenceNorms)
 *         .publish(reporter);
 * }</pre>
 *
 * A figure carries no points: it neither fails the test nor changes its credit. The grader caps what it keeps (see
 * the design page); a value that is not finite is kept as "none". Not thread-safe; build one per figure.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Chart {

    private final String title;
    private final FigureCodec.Kind kind;
    private FigureCodec.Scale scale = FigureCodec.Scale.LINEAR;
    private String axis = "";
    private final List<FigureCodec.Series> series = new ArrayList<>();
    private OptionalDouble threshold = OptionalDouble.empty();
    private String thresholdLabel = "";

    private Chart(String title, FigureCodec.Kind kind) {
        this.title = Objects.requireNonNull(title, "title");
        this.kind = kind;
    }

    /** A bar chart: one bar per point, the series of a label side by side. */
    public static Chart bars(String title) {
        return new Chart(title, FigureCodec.Kind.BAR);
    }

    /** A line chart: one line per series through its points. */
    public static Chart lines(String title) {
        return new Chart(title, FigureCodec.Kind.LINE);
    }

    /** Draws the values on a logarithmic axis (powers of ten). */
    public Chart logScale() {
        scale = FigureCodec.Scale.LOG;
        return this;
    }

    /** Names what the values are, e.g. {@code relative error}. */
    public Chart axis(String name) {
        axis = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Adds one of the student's series.
     *
     * @throws IllegalArgumentException if there are not as many labels as values
     */
    public Chart series(String name, List<String> labels, double[] values) {
        return add(name, false, labels, values);
    }

    /** Adds a reference series to compare the student's with (drawn hatched or dashed). */
    public Chart reference(String name, List<String> labels, double[] values) {
        return add(name, true, labels, values);
    }

    /**
     * Draws a horizontal line at {@code value}, e.g. the pass bar {@code 1e-5}.
     *
     * @throws IllegalArgumentException if the value is not finite
     */
    public Chart threshold(double value, String label) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a threshold must be finite, was " + value);
        }
        threshold = OptionalDouble.of(value);
        thresholdLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /**
     * The entry's value, as {@link #publish} writes it.
     *
     * @throws IllegalArgumentException if no series was added
     */
    public String toJson() {
        return FigureCodec.encode(new FigureCodec.Figure(title, kind, scale, axis, series, threshold, thresholdLabel));
    }

    /** Publishes the figure as a report entry of the running test. */
    public void publish(TestReporter reporter) {
        Objects.requireNonNull(reporter, "reporter").publishEntry(ReportEntryKeys.FIGURE, toJson());
    }

    private Chart add(String name, boolean reference, List<String> labels, double[] values) {
        if (labels.size() != values.length) {
            throw new IllegalArgumentException("series " + name + " has " + labels.size() + " labels but "
                    + values.length + " values");
        }
        List<FigureCodec.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new FigureCodec.Point(labels.get(i), values[i]));
        }
        series.add(new FigureCodec.Series(name, reference, points));
        return this;
    }
}
