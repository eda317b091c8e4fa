package dev.gradecheck.verify;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The result of verifying an exercise suite.
 *
 * @param rows per verified exercise, in course order: its solutions row, its template row, then one row per known-bug
 *             variant in manifest order
 * @param gradings how many submissions were graded (one child JVM each)
 */
@API(status = API.Status.INTERNAL)
public record VerificationReport(List<VerificationRow> rows, int gradings) {

    public VerificationReport {
        rows = List.copyOf(rows);
    }

    /** True when every row is ok. */
    public boolean passed() {
        return rows.stream().allMatch(VerificationRow::ok);
    }

    /** The rows that fell short, in order. */
    public List<VerificationRow> failures() {
        return rows.stream().filter(row -> !row.ok()).toList();
    }
}
