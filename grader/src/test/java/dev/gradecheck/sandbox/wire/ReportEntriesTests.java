package dev.gradecheck.sandbox.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.Figure;
import dev.gradecheck.protocol.FigureCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportEntriesTests {

    private final List<String> notes = new ArrayList<>();
    private final ReportEntries entries = new ReportEntries("T#m", notes);

    @Test
    void keepsAFigureAsPublished() {
        entries.accept(ReportEntries.FIGURE, FigureCodec.encode(figure("errors", 3, 2)));

        Figure kept = entries.figures().get(0);
        assertEquals("errors", kept.title());
        assertEquals(Figure.Scale.LOG, kept.scale());
        assertEquals(List.of("p0", "p1"), kept.labels());
        assertEquals(OptionalDouble.of(1e-5), kept.threshold());
        assertEquals(List.of(), notes);
    }

    @Test
    void capsFiguresSeriesPointsAndLabels() {
        for (int i = 0; i < ReportEntries.MAX_FIGURES + 3; i++) {
            entries.accept(ReportEntries.FIGURE, FigureCodec.encode(figure("x".repeat(5000), 50, 1000)));
        }

        assertEquals(ReportEntries.MAX_FIGURES, entries.figures().size());
        Figure kept = entries.figures().get(0);
        assertEquals(ReportEntries.MAX_LABEL_CHARS + 1, kept.title().length());
        assertEquals(ReportEntries.MAX_SERIES, kept.series().size());
        assertEquals(ReportEntries.MAX_POINTS, kept.series().get(0).points().size());
        assertEquals(3, notes.size(), notes.toString());
    }

    @Test
    void ignoresAMalformedFigureWithANote() {
        entries.accept(ReportEntries.FIGURE, "{\"title\":\"t\",\"kind\":\"pie\",\"scale\":\"log\",\"series\":[]}");
        entries.accept(ReportEntries.FIGURE, "not json");
        entries.accept(ReportEntries.FIGURE, "{\"title\":\"t\",\"kind\":\"bar\",\"scale\":\"log\",\"series\":["
                + "{\"name\":\"s\",\"points\":[{\"label\":\"a\",\"value\":\"1\"}]}]}");

        assertEquals(List.of(), entries.figures());
        assertEquals(3, notes.size());
        assertTrue(notes.get(0).startsWith("T#m: ignored gradecheck.figure"), notes.get(0));
    }

    private static FigureCodec.Figure figure(String title, int series, int points) {
        return new FigureCodec.Figure(title, FigureCodec.Kind.BAR, FigureCodec.Scale.LOG, "relative error",
                IntStream.range(0, series).mapToObj(s -> new FigureCodec.Series("s" + s, s > 0,
                        IntStream.range(0, points).mapToObj(p -> new FigureCodec.Point("p" + p, p + 1e-6)).toList()))
                        .toList(), OptionalDouble.of(1e-5), "pass bar");
    }
}
