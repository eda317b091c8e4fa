package dev.gradecheck.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The formats a grading can be written in, each to a fixed file name in the output folder. {@code bin/grader grade
 * --format ID} selects them by {@link #id()}; {@link #DEFAULTS} are written when none is named.
 */
@API(status = API.Status.STABLE)
public enum ReportFormat {
    /** gradecheck's own {@code report.json}: everything, for instructors and tools. */
    REPORT("report", new JsonReportWriter()),
    /** Gradescope's {@code results.json}. */
    GRADESCOPE("gradescope", new GradescopeResultsWriter()),
    /** PrairieLearn's external-grader results, {@code prairielearn-results.json}. */
    PRAIRIELEARN("prairielearn", new PrairieLearnResultsWriter()),
    /** A GitHub Classroom grading step's {@code result}, {@code classroom-result.json}. */
    CLASSROOM("classroom", new ClassroomResultWriter()),
    /** Surefire-style JUnit XML, {@code junit.xml}. */
    JUNIT_XML("junit-xml", new JUnitXmlWriter()),
    /** The student's feedback page, {@code feedback.html}: self-contained HTML with inline CSS and SVG charts. */
    FEEDBACK("html", new FeedbackPageWriter());

    /**
     * What {@code grade} writes without {@code --format}: ours, Gradescope's, and the student's feedback page. Naming
     * formats replaces the defaults ({@code --format report} writes {@code report.json} only).
     */
    public static final List<ReportFormat> DEFAULTS = List.of(REPORT, GRADESCOPE, FEEDBACK);

    private final String id;
    private final ReportWriter writer;

    ReportFormat(String id, ReportWriter writer) {
        this.id = id;
        this.writer = writer;
    }

    /** The name on the command line: {@code report}, {@code gradescope}, {@code prairielearn}, ... */
    public String id() {
        return id;
    }

    /** The format's writer (stateless, shared). */
    public ReportWriter writer() {
        return writer;
    }

    /** The file the format is written to, e.g. {@code junit.xml}. */
    public String fileName() {
        return writer.fileName();
    }

    /** The format named {@code id}, ignoring case, if there is one. */
    public static Optional<ReportFormat> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.id.equals(wanted)).findFirst();
    }

    /** {@code report, gradescope, prairielearn, classroom, junit-xml, html}: for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
