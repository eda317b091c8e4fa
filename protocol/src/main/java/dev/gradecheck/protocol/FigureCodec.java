package dev.gradecheck.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The value of a {@link ReportEntryKeys#FIGURE} entry, both ways: a chart a hidden test draws for the student's
 * feedback page — a title, bars or lines, a linear or logarithmic value axis, one or more named series of
 * {@code (label, value)} points (the student's, and reference series to compare with) and an optional threshold line.
 *
 * <p>Written by hand like {@link DiagnosisCodec}, compactly, keys in a fixed order ({@code title}, {@code kind},
 * {@code scale}, {@code axis}, {@code series}, {@code threshold}), non-ASCII escaped; a value that is not finite
 * (NaN, infinite: a tensor whose error could not be computed) is written as {@code null} and read back as NaN. Read
 * with JSON-P. The codec checks the form only; the grader caps sizes and lengths. Stateless and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FigureCodec {

    /** How the series are drawn. */
    public enum Kind {
        /** One bar per point, series side by side within a label's group. */
        BAR,
        /** One polyline per series through its points, in label order. */
        LINE;

        /** {@code bar} or {@code line}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How values map onto the value axis. */
    public enum Scale {
        /** Evenly spaced values, from 0 (or the smallest negative value). */
        LINEAR,
        /** Evenly spaced powers of ten; values at or below 0 are drawn at the bottom of the axis. */
        LOG;

        /** {@code linear} or {@code log}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One point of a series.
     *
     * @param label what the point stands for (a layer, a tensor), never null
     * @param value its value; NaN when it has none (drawn as a gap, printed as "n/a")
     */
    public record Point(String label, double value) {

        /** Validates the label; an infinite value is taken as none (NaN). */
        public Point {
            Objects.requireNonNull(label, "label");
            value = Double.isFinite(value) ? value : Double.NaN;
        }
    }

    /**
     * A named series.
     *
     * @param name what the legend calls it, e.g. {@code your SIGMOID}
     * @param reference whether it is a reference to compare with (drawn hatched or dashed) rather than the student's
     * @param points its points, in order, copied
     */
    public record Series(String name, boolean reference, List<Point> points) {

        /** Validates and copies. */
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /**
     * A figure as written and read.
     *
     * @param title what the figure shows, one line
     * @param kind bars or lines
     * @param scale linear or logarithmic value axis
     * @param axis what the values are, e.g. {@code relative error}; may be empty
     * @param series at least one series
     * @param threshold the value of a horizontal line to compare with (e.g. the pass bar 1e-5), if any; finite
     * @param thresholdLabel what the line means, e.g. {@code pass bar}; empty without a threshold
     */
    public record Figure(String title, Kind kind, Scale scale, String axis, List<Series> series,
                         OptionalDouble threshold, String thresholdLabel) {

        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException without a series, or with a threshold that is not finite
         */
        public Figure {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(scale, "scale");
            axis = axis == null ? "" : axis;
            series = List.copyOf(series);
            threshold = threshold == null ? OptionalDouble.empty() : threshold;
            thresholdLabel = thresholdLabel == null || threshold.isEmpty() ? "" : thresholdLabel;
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a figure needs at least one series: " + title);
            }
            if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
                throw new IllegalArgumentException("a figure's threshold must be finite, was " + threshold);
            }
        }
    }

    private FigureCodec() {
    }

    /** The entry value of {@code figure}, byte-identical for equal figures. */
    public static String encode(Figure figure) {
        StringBuilder json = new StringBuilder("{\"title\":");
        JsonStrings.append(json, figure.title());
        json.append(",\"kind\":\"").append(figure.kind().jsonName()).append("\",\"scale\":\"")
                .append(figure.scale().jsonName()).append("\",\"axis\":");
        JsonStrings.append(json, figure.axis());
        json.append(",\"series\":[");
        for (int i = 0; i < figure.series().size(); i++) {
            appendSeries(json.append(i == 0 ? "" : ","), figure.series().get(i));
        }
        json.append(']');
        if (figure.threshold().isPresent()) {
            json.append(",\"threshold\":{\"value\":").append(number(figure.threshold().getAsDouble()))
                    .append(",\"label\":");
            JsonStrings.append(json, figure.thresholdLabel());
            json.append('}');
        }
        return json.append('}').toString();
    }

    private static void appendSeries(StringBuilder json, Series series) {
        json.append("{\"name\":");
        JsonStrings.append(json, series.name());
        json.append(",\"reference\":").append(series.reference()).append(",\"points\":[");
        for (int i = 0; i < series.points().size(); i++) {
            Point point = series.points().get(i);
            json.append(i == 0 ? "{\"label\":" : ",{\"label\":");
            JsonStrings.append(json, point.label());
            json.append(",\"value\":").append(number(point.value())).append('}');
        }
        json.append("]}");
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /**
     * Reads an entry value written by {@link #encode} (or by hand in the same form; {@code axis}, {@code reference}
     * and {@code threshold} may be left out).
     *
     * @throws IllegalArgumentException if the value is not such an object, naming what is wrong
     */
    public static Figure decode(String value) {
        try (JsonParser parser = Wire.json().createParser(new StringReader(value))) {
            parser.next();
            JsonObject json = parser.getObject();
            List<Series> series = new ArrayList<>();
            for (JsonValue each : json.getJsonArray("series")) {
                series.add(series(each.asJsonObject()));
            }
            JsonObject threshold = json.getJsonObject("threshold");
            return new Figure(json.getString("title"), kind(json.getString("kind")), scale(json.getString("scale")),
                    json.getString("axis", ""), series,
                    threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold.getJsonNumber("value")
                            .doubleValue()),
                    threshold == null ? "" : threshold.getString("label", ""));
        } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a figure: a JSON object with \"title\", \"kind\" (bar or line),"
                    + " \"scale\" (linear or log) and \"series\" of named points", e);
        }
    }

    private static Series series(JsonObject json) {
        List<Point> points = new ArrayList<>();
        JsonArray given = json.getJsonArray("points");
        for (JsonValue each : given) {
            JsonObject point = each.asJsonObject();
            JsonValue number = point.get("value");
            double value = number instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
            if (number == null || !(number instanceof JsonNumber) && number != JsonValue.NULL) {
                throw new IllegalStateException("a point's value must be a number or null");
            }
            points.add(new Point(point.getString("label"), value));
        }
        return new Series(json.getString("name"), json.getBoolean("reference", false), points);
    }

    private static Kind kind(String name) {
        for (Kind kind : Kind.values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalStateException("kind must be bar or line, was " + name);
    }

    private static Scale scale(String name) {
        for (Scale scale : Scale.values()) {
            if (scale.jsonName().equals(name)) {
                return scale;
            }
        }
        throw new IllegalStateException("scale must be linear or log, was " + name);
    }
}
