package dev.gradecheck.report.html;

import dev.gradecheck.api.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@link Figure} laid out as an SVG chart: every coordinate computed here, so that {@code chart.jte} only writes
 * elements. Bars or lines per series, a linear or log value axis with ticks, category labels, a legend, an optional
 * threshold line, and the numbers as a table for those who would rather read. Deterministic ({@code Locale.ROOT}
 * numbers); immutable.
 *
 * @param id unique within the page (the reference series' hatch pattern is named after it)
 * @param figure what is drawn, its texts already made {@link DisplayText displayable}
 * @param ticks the value axis' ticks, bottom up
 * @param categories the category axis' labels, left to right
 * @param bars the bars of a bar chart, series by series; empty for a line chart
 * @param missing an "n/a" mark where a bar has no value (a tensor whose error could not be computed)
 * @param lines the polylines of a line chart, one per series; empty for a bar chart
 * @param threshold the threshold line, if any
 * @param legend one entry per series
 */
@API(status = API.Status.INTERNAL)
public record SvgChart(String id, Figure figure, List<Tick> ticks, List<Category> categories, List<Bar> bars,
                       List<Dot> missing, List<Line> lines, Optional<Threshold> threshold, List<LegendEntry> legend) {

    /** The drawing's size and the plot area's margins, in SVG user units. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 300;
    public static final int LEFT = 72;
    public static final int RIGHT = 16;
    public static final int TOP = 36;
    public static final int BOTTOM = 64;

    /** Series colours, the student's first (colour-blind safe, Okabe-Ito). */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
        "#F0E442", "#000000"};

    public SvgChart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(figure, "figure");
        ticks = List.copyOf(ticks);
        categories = List.copyOf(categories);
        bars = List.copyOf(bars);
        missing = List.copyOf(missing);
        lines = List.copyOf(lines);
        Objects.requireNonNull(threshold, "threshold");
        legend = List.copyOf(legend);
    }

    /** A tick of the value axis at height {@code y}. */
    public record Tick(double y, String label) {
    }

    /** A category label centred at {@code x}; {@code text} shortened for the axis, {@code full} for its tooltip. */
    public record Category(double x, String text, String full) {
    }

    /** One bar. {@code tooltip}: series, label and value. */
    public record Bar(double x, double y, double width, double height, String colour, boolean reference,
                      String tooltip) {
    }

    /** One series as a polyline ({@code points}: "x,y x,y ...") with a dot per point. */
    public record Line(String points, List<Dot> dots, String colour, boolean reference) {
    }

    /** A point of a line. */
    public record Dot(double x, double y, String tooltip) {
    }

    /** The threshold line at height {@code y}. */
    public record Threshold(double y, String label) {
    }

    /** A legend entry at {@code x}. */
    public record LegendEntry(double x, String colour, boolean reference, String name) {
    }

    /** The chart of {@code figure}, named {@code id} within its page. */
    public static SvgChart of(String id, Figure figure) {
        Figure shown = displayable(figure);
        Axis axis = Axis.of(shown);
        List<String> labels = shown.labels();
        double group = plotWidth() / Math.max(1, labels.size());
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            categories.add(new Category(LEFT + group * (i + 0.5), shortened(labels.get(i), group), labels.get(i)));
        }
        List<Bar> bars = shown.kind() == Figure.Kind.BAR ? bars(shown, labels, axis, group) : List.of();
        List<Dot> missing = shown.kind() == Figure.Kind.BAR ? missing(shown, labels, axis, group) : List.of();
        List<Line> lines = shown.kind() == Figure.Kind.LINE ? lines(shown, labels, axis, group) : List.of();
        Optional<Threshold> threshold = shown.threshold().isPresent()
                ? Optional.of(new Threshold(axis.y(shown.threshold().getAsDouble()), shown.thresholdLabel() + " ("
                        + number(shown.threshold().getAsDouble()) + ")"))
                : Optional.empty();
        return new SvgChart(id, shown, axis.ticks(), categories, bars, missing, lines, threshold, legend(shown));
    }

    /** The plot area's bottom, where bars start and category labels hang. */
    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** The plot area's right edge. */
    public double plotRight() {
        return WIDTH - RIGHT;
    }

    /** Whether category labels are tilted (when they would not fit side by side). */
    public boolean tiltedLabels() {
        return categories.size() > 8;
    }

    /** {@code value} as the chart and its table print it: 3 significant digits, or {@code n/a} for none. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) ? String.format(Locale.ROOT, "%.2e", value)
                : String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** Coordinates as SVG attributes take them. */
    public static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static List<Bar> bars(Figure figure, List<String> labels, Axis axis, double group) {
        int count = figure.series().size();
        double width = group * 0.8 / count;
        List<Bar> bars = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Figure.Series series = figure.series().get(s);
            for (Figure.Point point : series.points()) {
                if (Double.isNaN(point.value())) {
                    continue;
                }
                double x = LEFT + group * labels.indexOf(point.label()) + group * 0.1 + s * width;
                double top = Math.min(axis.y(point.value()), axis.base());
                double height = Math.abs(axis.base() - axis.y(point.value()));
                bars.add(new Bar(x, top, width, height, COLOURS[s % COLOURS.length], series.reference(),
                        tooltip(series, point)));
            }
        }
        return bars;
    }

    private static List<Dot> missing(Figure figure, List<String> labels, Axis axis, double group) {
        int count = figure.series().size();
        double width = group * 0.8 / count;
        List<Dot> marks = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Figure.Series series = figure.series().get(s);
            for (Figure.Point point : series.points()) {
                if (Double.isNaN(point.value())) {
                    double x = LEFT + group * labels.indexOf(point.label()) + group * 0.1 + (s + 0.5) * width;
                    marks.add(new Dot(x, axis.base() - 4, tooltip(series, point)));
                }
            }
        }
        return marks;
    }

    private static List<Line> lines(Figure figure, List<String> labels, Axis axis, double group) {
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < figure.series().size(); s++) {
            Figure.Series series = figure.series().get(s);
            List<Dot> dots = series.points().stream().filter(point -> !Double.isNaN(point.value()))
                    .map(point -> new Dot(LEFT + group * (labels.indexOf(point.label()) + 0.5), axis.y(point.value()),
                            tooltip(series, point)))
                    .toList();
            String points = String.join(" ", dots.stream()
                    .map(dot -> coordinate(dot.x()) + "," + coordinate(dot.y())).toList());
            lines.add(new Line(points, dots, COLOURS[s % COLOURS.length], series.reference()));
        }
        return lines;
    }

    private static List<LegendEntry> legend(Figure figure) {
        List<LegendEntry> legend = new ArrayList<>();
        double x = LEFT;
        for (int s = 0; s < figure.series().size(); s++) {
            Figure.Series series = figure.series().get(s);
            legend.add(new LegendEntry(x, COLOURS[s % COLOURS.length], series.reference(), series.name()));
            x += 28 + Math.min(series.name().length(), 40) * 6.5;
        }
        return legend;
    }

    private static String tooltip(Figure.Series series, Figure.Point point) {
        return series.name() + " — " + point.label() + ": " + number(point.value());
    }

    private static String shortened(String label, double room) {
        int fits = Math.max(4, (int) (room / 6.5));
        int max = Math.max(fits, 14);
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    private static Figure displayable(Figure figure) {
        List<Figure.Series> series = figure.series().stream()
                .map(each -> new Figure.Series(DisplayText.of(each.name()), each.reference(), each.points().stream()
                        .map(point -> new Figure.Point(DisplayText.of(point.label()), point.value())).toList()))
                .toList();
        return new Figure(DisplayText.of(figure.title()), figure.kind(), figure.scale(), DisplayText.of(figure.axis()),
                series, figure.threshold(), DisplayText.of(figure.thresholdLabel()));
    }

    /** The value axis: where a value is drawn, and its ticks. */
    private record Axis(boolean log, double low, double high) {

        static Axis of(Figure figure) {
            List<Double> values = new ArrayList<>();
            figure.series().forEach(series -> series.points().stream().map(Figure.Point::value)
                    .filter(value -> !Double.isNaN(value)).forEach(values::add));
            figure.threshold().ifPresent(values::add);
            return figure.scale() == Figure.Scale.LOG ? logAxis(values) : linearAxis(values);
        }

        private static Axis logAxis(List<Double> values) {
            double min = values.stream().filter(value -> value > 0).mapToDouble(Double::doubleValue).min().orElse(1);
            double max = values.stream().filter(value -> value > 0).mapToDouble(Double::doubleValue).max().orElse(10);
            double low = Math.floor(Math.log10(min));
            double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
            return new Axis(true, low, high);
        }

        private static Axis linearAxis(List<Double> values) {
            double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            double max = Math.max(0, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
            if (max == min) {
                max = min + 1;
            }
            double step = niceStep((max - min) / 5);
            return new Axis(false, Math.floor(min / step) * step, Math.ceil(max / step) * step);
        }

        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / power;
            return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        }

        /** The height of {@code value}; on a log axis, values at or below 0 are drawn at the bottom. */
        double y(double value) {
            double position = log ? (value > 0 ? Math.log10(value) : low) : value;
            double clamped = Math.max(low, Math.min(high, position));
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (clamped - low) / (high - low));
        }

        /** Where bars start: the bottom of a log axis, 0 on a linear one. */
        double base() {
            return log ? y(Math.pow(10, low)) : y(0);
        }

        List<Tick> ticks() {
            List<Tick> ticks = new ArrayList<>();
            if (log) {
                int step = (int) Math.max(1, Math.ceil((high - low) / 8));
                for (double power = low; power <= high; power += step) {
                    ticks.add(new Tick(y(Math.pow(10, power)), "1e" + (int) power));
                }
            } else {
                double step = niceStep((high - low) / 5);
                for (int i = 0; low + i * step <= high + step / 1e6; i++) {
                    ticks.add(new Tick(y(low + i * step), number(low + i * step)));
                }
            }
            return ticks;
        }
    }
}
