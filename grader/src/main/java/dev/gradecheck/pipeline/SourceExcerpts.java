package dev.gradecheck.pipeline;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.submission.LocatedFiles;
import dev.gradecheck.submission.StudentSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each finding that points at a line of a graded file the student's own lines around it ({@value #CONTEXT}
 * before and after, each capped at {@value #MAX_LINE_CHARS} characters), for the feedback page. At most
 * {@value #MAX_EXCERPTS} findings per exercise get lines, so a submission with hundreds of compile errors does not
 * copy itself into its report. Stateless.
 */
final class SourceExcerpts {

    static final int CONTEXT = 2;
    static final int MAX_LINE_CHARS = 200;
    static final int MAX_EXCERPTS = 20;

    private SourceExcerpts() {
    }

    /** The reports with excerpts on their findings, in the same order. */
    static List<ExerciseReport> attach(List<ExerciseReport> reports, LocatedFiles located) {
        Map<String, List<String>> lines = new HashMap<>();
        for (StudentSource source : located.found().values()) {
            lines.put(source.submissionPath(), source.text().lines().toList());
        }
        return reports.stream().map(report -> withExcerpts(report, lines)).toList();
    }

    private static ExerciseReport withExcerpts(ExerciseReport report, Map<String, List<String>> lines) {
        List<Finding> findings = new ArrayList<>();
        int given = 0;
        for (Finding finding : report.findings()) {
            Optional<SourceExcerpt> excerpt = given < MAX_EXCERPTS ? excerpt(finding.location(), lines)
                    : Optional.empty();
            findings.add(excerpt.map(finding::withExcerpt).orElse(finding));
            given += excerpt.isPresent() ? 1 : 0;
        }
        return new ExerciseReport(report.id(), report.title(), report.score(), report.maxScore(),
                report.pendingManualPoints(), report.status(), report.reason(), report.tests(), findings,
                report.manual(), report.visibility());
    }

    /** The lines around {@code location}, when it names a line the file has. */
    static Optional<SourceExcerpt> excerpt(Location location, Map<String, List<String>> lines) {
        List<String> file = lines.get(location.file());
        if (file == null || location.line() < 1 || location.line() > file.size()) {
            return Optional.empty();
        }
        int first = Math.max(1, location.line() - CONTEXT);
        int last = Math.min(file.size(), location.line() + CONTEXT);
        List<String> held = file.subList(first - 1, last).stream().map(SourceExcerpts::capped).toList();
        return Optional.of(new SourceExcerpt(first, location.line(), held));
    }

    private static String capped(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + "…";
    }
}
