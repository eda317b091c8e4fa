package dev.gradecheck.app;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.report.ClassroomResultWriter;
import dev.gradecheck.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Writes every report format of a grading, and names output folders after submissions. */
final class Reports {

    private Reports() {
    }

    /**
     * Writes the default formats, {@code report.json}, {@code results.json} and {@code feedback.html}, into
     * {@code outDirectory}.
     */
    static List<Path> writeAll(GradeReport report, Path outDirectory) throws IOException {
        return write(report, outDirectory, ReportFormat.DEFAULTS, Optional.empty());
    }

    /** Writes the formats {@code request} asks for, and its Classroom step output, into {@code outDirectory}. */
    static List<Path> write(GradeReport report, Path outDirectory, GradingRequest request) throws IOException {
        return write(report, outDirectory, request.formatsToWrite(), request.stepOutputFile());
    }

    /**
     * Writes each of {@code formats} once, in the order given (the defaults when empty), into {@code outDirectory};
     * with {@link ReportFormat#CLASSROOM} and a {@code githubOutput} file, also appends the step output
     * {@code result=...} to it.
     *
     * @return the files written, the step-output file last when it was appended to
     * @throws IOException if a file cannot be written
     */
    static List<Path> write(GradeReport report, Path outDirectory, List<ReportFormat> formats,
                            Optional<Path> githubOutput) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : new LinkedHashSet<>(formats.isEmpty() ? ReportFormat.DEFAULTS : formats)) {
            written.add(format.writer().write(report, outDirectory));
        }
        if (formats.contains(ReportFormat.CLASSROOM) && githubOutput.isPresent()) {
            new ClassroomResultWriter().appendStepOutput(report, githubOutput.get());
            written.add(githubOutput.get());
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
