package dev.gradecheck.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Formats a {@link VerificationReport} as the table {@code bin/grader verify} prints: one line per row (exercise,
 * variant, score, expected code, found codes, verdict), columns as wide as their content, then one summary line naming
 * every row that fell short. Deterministic: the same report gives the same text. Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class VerificationTable {

    private static final List<String> HEADER = List.of("exercise", "variant", "score", "expected", "found", "verdict");
    private static final String NONE = "-";

    private VerificationTable() {
    }

    /** The table and its summary line, each line ending in {@code \n}. */
    public static String render(VerificationReport report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        report.rows().forEach(row -> lines.add(cells(row)));
        int[] widths = widths(lines);
        StringBuilder text = new StringBuilder();
        lines.forEach(cells -> text.append(line(cells, widths)).append('\n'));
        return text.append(summary(report)).append('\n').toString();
    }

    /** {@code All 12 rows ok (12 gradings).} or {@code FAIL: 2 of 12 rows fall short: a/x, b/template.} */
    public static String summary(VerificationReport report) {
        int rows = report.rows().size();
        if (report.passed()) {
            return String.format(Locale.ROOT, "All %d rows ok (%d gradings).", rows, report.gradings());
        }
        List<String> names = report.failures().stream().map(VerificationRow::name).toList();
        return String.format(Locale.ROOT, "FAIL: %d of %d rows fall short: %s.", names.size(), rows,
                String.join(", ", names));
    }

    private static List<String> cells(VerificationRow row) {
        String score = row.score().isPresent() ? Expectations.format(row.score().getAsDouble()) : NONE;
        return List.of(row.exercise(), row.variant(), score + " / " + Expectations.format(row.maxScore()),
                row.expectedCode().isEmpty() ? NONE : row.expectedCode(),
                row.foundCodes().isEmpty() ? NONE : String.join(", ", row.foundCodes()), row.verdict());
    }

    private static int[] widths(List<List<String>> lines) {
        int[] widths = new int[HEADER.size()];
        for (List<String> cells : lines) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        return widths;
    }

    /** Every column padded to its width but the last, which runs to the end of the line. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size() - 1; i++) {
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length() + 2));
        }
        return line.append(cells.get(cells.size() - 1)).toString();
    }
}
