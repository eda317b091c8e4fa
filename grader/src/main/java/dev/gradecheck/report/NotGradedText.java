package dev.gradecheck.report;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.NotGraded;
import java.util.Optional;

/**
 * The line a student-facing format shows for a grading without scores: {@code Not graded: REASON} when it was
 * refused, {@code Not graded, grading failed: REASON} when it broke. The reason says what to fix; the formats write
 * it where the student reads it (Classroom's test message, PrairieLearn's {@code format_errors}; JUnit XML puts the bare reason in its error and the kind in its type).
 */
final class NotGradedText {

    private NotGradedText() {
    }

    /** The line for {@code report}; empty when it was graded. */
    static Optional<String> of(GradeReport report) {
        return report.notGraded().map(NotGradedText::line);
    }

    private static String line(NotGraded why) {
        return (why.kind() == NotGraded.Kind.REFUSED ? "Not graded: " : "Not graded, grading failed: ") + why.reason();
    }
}
