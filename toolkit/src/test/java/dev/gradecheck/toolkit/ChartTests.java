package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradecheck.protocol.FigureCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

class ChartTests {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final TestReporter reporter = entries::add;

    @Test
    void publishesOneFigureEntryTheGraderReadsBack() {
        Chart.bars("||dW_i|| per layer").logScale().axis("norm")
                .series("your SIGMOID", List.of("W_1", "W_2"), new double[] {1e-4, Double.NaN})
                .reference("reference SIGMOID", List.of("W_1", "W_2"), new double[] {1e-4, 0.5})
                .threshold(1e-5, "bar \u00e9")
                .publish(reporter);

        assertEquals(1, entries.size());
        String value = entries.get(0).get("gradecheck.figure");
        assertEquals("{\"title\":\"||dW_i|| per layer\",\"kind\":\"bar\",\"scale\":\"log\",\"axis\":\"norm\","
                + "\"series\":[{\"name\":\"your SIGMOID\",\"reference\":false,\"points\":[{\"label\":\"W_1\","
                + "\"value\":1.0E-4},{\"label\":\"W_2\",\"value\":null}]},{\"name\":\"reference SIGMOID\","
                + "\"reference\":true,\"points\":[{\"label\":\"W_1\",\"value\":1.0E-4},{\"label\":\"W_2\","
                + "\"value\":0.5}]}],\"threshold\":{\"value\":1.0E-5,\"label\":\"bar \\u00e9\"}}", value);
        FigureCodec.Figure read = FigureCodec.decode(value);
        assertEquals(FigureCodec.Scale.LOG, read.scale());
        assertEquals(OptionalDouble.of(1e-5), read.threshold());
        assertEquals("bar \u00e9", read.thresholdLabel());
        assertEquals(Double.NaN, read.series().get(0).points().get(1).value());
    }

    @Test
    void errorChartShowsEachTensorsRelativeErrorAgainstThePassBar() {
        TensorCheck good = TensorCheck.passed("dW1 (net 3-4-2, vs central differences)", 1e-9);
        TensorCheck bad = TensorCheck.failed("db1 (net 3-4-2, vs central differences)", 0.5, List.of());

        FigureCodec.Figure figure = FigureCodec.decode(Verdicts.errorChart("errors", good, bad).toJson());

        assertEquals(List.of(new FigureCodec.Point("dW1", 1e-9), new FigureCodec.Point("db1", 0.5)),
                figure.series().get(0).points());
        assertEquals(OptionalDouble.of(Gradients.PASS_BAR), figure.threshold());
        assertEquals(FigureCodec.Scale.LOG, figure.scale());
    }

    @Test
    void refusesASeriesWhoseLabelsAndValuesDoNotPair() {
        assertThrows(IllegalArgumentException.class,
                () -> Chart.lines("t").series("s", List.of("a"), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Chart.lines("t").toJson());
    }
}
