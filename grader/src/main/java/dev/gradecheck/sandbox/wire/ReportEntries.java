package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.Figure;
import dev.gradecheck.protocol.DiagnosisCodec;
import dev.gradecheck.protocol.FigureCodec;
import dev.gradecheck.protocol.ReportEntryKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The report entries one test published, read the way the design page documents them: {@code gradecheck.credit}, a
 * decimal fraction in [0, 1] (the last valid one counts), and {@code gradecheck.diagnosis}, a JSON object
 * {@code {"code", "text", "numbers"}} per diagnosis, read by {@link DiagnosisCodec} (whose rule for codes the toolkit
 * writes them with), and {@code gradecheck.figure}, a chart for the feedback page read by {@link FigureCodec}. Malformed
 * values are ignored with a note; other keys are ignored. Figures are capped: at most {@value #MAX_FIGURES} per test,
 * {@value #MAX_SERIES} series per figure, {@value #MAX_POINTS} points per series, and every title, name and label at
 * {@value #MAX_LABEL_CHARS} characters. Like credit, they are believed only on the signed channel from the child
 * (the runner sends what the test's {@code TestReporter} published): nothing a student prints becomes an entry.
 * Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ReportEntries {

    static final String CREDIT = ReportEntryKeys.CREDIT;
    static final String DIAGNOSIS = ReportEntryKeys.DIAGNOSIS;
    private static final int MAX_DIAGNOSES = 20;
    private static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_FIGURES = 8;
    static final int MAX_SERIES = 8;
    static final int MAX_POINTS = 64;
    static final int MAX_LABEL_CHARS = 120;
    static final String FIGURE = ReportEntryKeys.FIGURE;

    private final String test;
    private final List<String> notes;
    private final List<Diagnosis> diagnoses = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private OptionalDouble credit = OptionalDouble.empty();

    /** @param notes where to note ignored values (shared by the whole run) */
    public ReportEntries(String test, List<String> notes) {
        this.test = test;
        this.notes = notes;
    }

    public void accept(String key, String value) {
        if (CREDIT.equals(key)) {
            acceptCredit(value);
        } else if (DIAGNOSIS.equals(key)) {
            acceptDiagnosis(value);
        } else if (FIGURE.equals(key)) {
            acceptFigure(value);
        }
    }

    public OptionalDouble credit() {
        return credit;
    }

    public List<Diagnosis> diagnoses() {
        return List.copyOf(diagnoses);
    }

    /** The figures the test drew, capped, in the order published. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    private void acceptCredit(String value) {
        try {
            BigDecimal fraction = new BigDecimal(value.strip());
            if (fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) <= 0) {
                credit = OptionalDouble.of(fraction.doubleValue());
                return;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        notes.add(test + ": ignored " + CREDIT + " \"" + FailureMessage.cap(value) + "\": not a decimal in [0, 1]");
    }

    private void acceptDiagnosis(String value) {
        if (diagnoses.size() >= MAX_DIAGNOSES) {
            return;
        }
        try {
            DiagnosisCodec.Decoded read = DiagnosisCodec.decode(value);
            Map<String, String> numbers = new LinkedHashMap<>();
            read.numbers().forEach((name, number) -> numbers.put(name, capped(number)));
            diagnoses.add(new Diagnosis(read.code(), capped(read.text()), numbers));
        } catch (IllegalArgumentException e) {
            notes.add(test + ": ignored " + DIAGNOSIS + " \"" + FailureMessage.cap(value)
                    + "\": not a JSON object with a \"code\" of lower-case words joined by '-'");
        }
    }

    private void acceptFigure(String value) {
        if (figures.size() >= MAX_FIGURES) {
            notes.add(test + ": ignored a " + FIGURE + " beyond the first " + MAX_FIGURES);
            return;
        }
        try {
            figures.add(capped(FigureCodec.decode(value)));
        } catch (IllegalArgumentException e) {
            notes.add(test + ": ignored " + FIGURE + " \"" + FailureMessage.cap(value) + "\": " + e.getMessage());
        }
    }

    private static Figure capped(FigureCodec.Figure read) {
        List<Figure.Series> series = read.series().stream().limit(MAX_SERIES)
                .map(each -> new Figure.Series(label(each.name()), each.reference(), each.points().stream()
                        .limit(MAX_POINTS).map(point -> new Figure.Point(label(point.label()), point.value())).toList()))
                .toList();
        return new Figure(label(read.title()), Figure.Kind.valueOf(read.kind().name()),
                Figure.Scale.valueOf(read.scale().name()), label(read.axis()), series, read.threshold(),
                label(read.thresholdLabel()));
    }

    private static String label(String text) {
        return text.length() <= MAX_LABEL_CHARS ? text : text.substring(0, MAX_LABEL_CHARS) + "…";
    }

    private static String capped(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + "…";
    }
}
