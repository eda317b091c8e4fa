package dev.gradecheck.app;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.GradescopeResultsWriter;
import dev.gradecheck.report.JsonReportWriter;
import dev.gradecheck.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every report format of a grading, and names output folders after submissions. */
final class Reports {

    private static final List<ReportWriter> WRITERS = List.of(new JsonReportWriter(), new GradescopeResultsWriter());

    private Reports() {
    }

    /** Writes {@code report.json} and {@code results.json} into {@code outDirectory}; returns the files written. */
    static List<Path> writeAll(GradeReport report, Path outDirectory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportWriter writer : WRITERS) {
            written.add(writer.write(report, outDirectory));
        }
        return written;
    }

    /** "the reports could not be written to DIR (why) — how to fix", to end a sentence. */
    static String unwritable(Path outDirectory, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        return "the reports could not be written to " + outDirectory + " (" + why + ") — check that the folder can be"
                + " created and written, or pass another --out DIR";
    }

    /** {@code typical-mistake} for {@code examples/typical-mistake/}, {@code hw1} for {@code /tmp/hw1.zip}. */
    static String submissionName(String submission) {
        String trimmed = submission.replace('\\', '/').replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceAll("\\.(zip|git)$", "");
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "submission" : name;
    }
}
