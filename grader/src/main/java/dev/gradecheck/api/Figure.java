package dev.gradecheck.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A chart a hidden test drew for the feedback page (the report entry {@code gradecheck.figure}, see
 * {@code docs/design.md}, "Figures"), as the grader kept it: validated and capped. Carries no points.
 *
 * @param title what it shows, one line
 * @param kind bars or lines
 * @param scale a linear or logarithmic value axis
 * @param axis what the values are, e.g. {@code relative error}; may be empty
 * @param series one or more named series
 * @param threshold the value of a line to compare with (a pass bar), if any; finite
 * @param thresholdLabel what that line means; empty without one
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Figure(String title, Kind kind, Scale scale, String axis, List<Series> series, OptionalDouble threshold,
                     String thresholdLabel) {

    public Figure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scale, "scale");
        axis = axis == null ? "" : axis;
        series = List.copyOf(series);
        threshold = threshold == null ? OptionalDouble.empty() : threshold;
        thresholdLabel = thresholdLabel == null || threshold.isEmpty() ? "" : thresholdLabel;
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a figure has at least one series: " + title);
        }
        if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
            throw new IllegalArgumentException("a threshold is finite, was " + threshold.getAsDouble());
        }
    }

    /** How the series are drawn; the lower-cased name is {@code report.json}'s {@code kind}. */
    public enum Kind {
        BAR, LINE;

        /** {@code bar} or {@code line}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How values map onto the value axis; the lower-cased name is {@code report.json}'s {@code scale}. */
    public enum Scale {
        LINEAR, LOG;

        /** {@code linear} or {@code log}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A named series.
     *
     * @param name what the legend calls it
     * @param reference a reference to compare with, rather than the student's own values
     * @param points its points in order
     */
    public record Series(String name, boolean reference, List<Point> points) {

        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /**
     * One point.
     *
     * @param label what it stands for (a layer, a tensor)
     * @param value its value; NaN when it has none (an infinite value is taken as none)
     */
    public record Point(String label, double value) {

        public Point {
            Objects.requireNonNull(label, "label");
            value = Double.isFinite(value) ? value : Double.NaN;
        }
    }

    /** Every label of every series, each once, in the order they first appear: the category axis. */
    public List<String> labels() {
        return series.stream().flatMap(each -> each.points().stream()).map(Point::label).distinct().toList();
    }
}
