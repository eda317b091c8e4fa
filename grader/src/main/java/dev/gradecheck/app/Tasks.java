package dev.gradecheck.app;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.report.TextSummary;
import dev.gradecheck.verify.SuiteVerifier;
import dev.gradecheck.verify.VerificationReport;
import dev.gradecheck.verify.VerificationTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Carries out a {@link GradingRequest}: calls the {@link Grader} facade and the report writers, prints the summary
 * on the caller's {@code out} (progress and errors on {@code err}) and returns the exit code. The command line and
 * the grading server both run their tasks here, so a served grading and a one-off one cannot differ.
 */
@API(status = API.Status.INTERNAL)
public final class Tasks {

    private Tasks() {
    }

    /** Runs {@code request} with a grader from {@code graders}, printing the compact summary; never throws. */
    public static ExitCode run(GradingRequest request, Graders graders, PrintWriter out, PrintWriter err) {
        return run(request, graders, out, err, TextSummary.Detail.COMPACT);
    }

    /**
     * Runs {@code request} with a grader from {@code graders}; a grading's summary shows {@code detail}
     * ({@link TextSummary.Detail#VERBOSE}: full messages and captured output). Never throws.
     */
    public static ExitCode run(GradingRequest request, Graders graders, PrintWriter out, PrintWriter err,
                               TextSummary.Detail detail) {
        try {
            Path courseRoot;
            try {
                courseRoot = request.courseRoot();
            } catch (IllegalArgumentException e) {
                err.println(Escape.terminal("error: " + e.getMessage()));
                return ExitCode.USAGE;
            }
            return switch (request.task()) {
                case GRADE -> grade(request, graders, courseRoot, out, detail);
                case DEMO -> Demo.run(graders.grader(courseRoot), courseRoot, out);
                case VERIFY -> verify(request, verifyLanes(graders, courseRoot), out, err);
            };
        } catch (Exception e) {
            return ErrorMessages.report(e, request.task().id(), err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Grades one submission and writes the formats the request names, unless the course's rate limit stops it first
     * ({@link RateLimitGate}: then only {@code results.json}, keeping the last score). A grading refused after the request was read
     * (a submission that cannot be opened, a git repository that links to another one, an unknown exercise, too
     * little isolation) still writes every requested format, score 0 and why. A grading that breaks after the request was read (an invalid suite, a permission
     * problem, an internal error) writes last-resort reports in every requested format ({@link LastResort}: status
     * {@code failed}, score 0, the reason) and keeps its exit code. The summary is printed before the reports are written, so it reaches the
     * caller even when the output folder cannot be written.
     */
    private static ExitCode grade(GradingRequest request, Graders graders, Path courseRoot, PrintWriter text,
                                  TextSummary.Detail detail) throws GradingRefused, ReportsNotWritten, GradingFailed {
        String resolved = request.resolvedSubmission();
        Path outDirectory = request.out().map(request::resolve)
                .orElseGet(() -> courseRoot.resolve("out").resolve(Reports.submissionName(resolved)));
        try {
            Optional<ExitCode> stopped = RateLimitGate.stop(request, courseRoot, outDirectory, text);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            return grade(request, graders.grader(courseRoot), resolved, outDirectory, text, detail);
        } catch (GradingRefused | ReportsNotWritten e) {
            throw e;
        } catch (Exception e) {
            throw LastResort.failed(e, request, resolved, courseRoot, outDirectory);
        }
    }

    /** Grades, prints the summary, then writes the reports. */
    private static ExitCode grade(GradingRequest request, Grader grader, String resolved, Path outDirectory,
                                  PrintWriter text, TextSummary.Detail detail) throws GradingRefused, ReportsNotWritten {
        GradeRequest gradeRequest = new GradeRequest(resolved, request.ref(), request.exercises());
        if (request.requiredIsolation().isPresent()) {
            requireIsolation(grader, request, gradeRequest, outDirectory);
        }
        GradeReport report;
        try {
            report = grader.grade(gradeRequest);
        } catch (InvalidRequestException e) {
            throw refused(grader.refusal(gradeRequest, e.getMessage()), request, outDirectory, ExitCode.USAGE);
        }
        text.println(Escape.terminal("Graded " + request.submission().orElseThrow()));
        // A Classroom job's log is the student's to read: it gets the summary that names no hidden test.
        text.print(request.formatsToWrite().contains(ReportFormat.CLASSROOM) ? TextSummary.renderForStudents(report)
                : TextSummary.render(report, detail));
        text.flush();
        List<Path> written = write(report, outDirectory, request);
        text.println("Reports written to:");
        written.forEach(file -> text.println("  " + Escape.terminal(file.toString())));
        return ExitCode.OK;
    }

    /** Refuses, before any student code runs, when this machine's sandbox is below the required level. */
    private static void requireIsolation(Grader grader, GradingRequest request, GradeRequest gradeRequest,
                                         Path outDirectory) throws GradingRefused {
        IsolationLevel required = request.requiredIsolation().orElseThrow();
        Isolation available = grader.isolation();
        if (available.level().atLeast(required)) {
            return;
        }
        String why = available.notes().isEmpty() ? "" : " (" + String.join("; ", available.notes()) + ")";
        String reason = "student code would run at isolation level " + available.level().id() + why
                + ", below --require-isolation " + required.id() + ": install what the notes name (see the "
                + "README's deployment table), or lower the requirement";
        throw refused(grader.refusal(gradeRequest, reason), request, outDirectory, ExitCode.ISOLATION);
    }

    /**
     * The refusal, after its reports (score 0 and why) have been written in every requested format, or a note that
     * they could not be.
     */
    private static GradingRefused refused(GradeReport report, GradingRequest request, Path outDirectory,
                                          ExitCode exitCode) {
        String reason = report.refusal().orElseThrow();
        try {
            return new GradingRefused(reason, exitCode, List.of("Nothing was graded; the reports say why (score 0):"),
                    Reports.write(report, outDirectory, request));
        } catch (IOException e) {
            return new GradingRefused(reason, exitCode,
                    List.of("Nothing was graded, and " + Reports.unwritable(outDirectory, e)), List.of());
        }
    }

    private static List<Path> write(GradeReport report, Path outDirectory, GradingRequest request)
            throws ReportsNotWritten {
        try {
            return Reports.write(report, outDirectory, request);
        } catch (IOException e) {
            throw new ReportsNotWritten("the grading ran, but " + Reports.unwritable(outDirectory, e), e);
        }
    }

    /**
     * The graders a verification grades with side by side: two where there are two processors or more, as
     * {@code graders} gives them (a fresh one per call on the command line, so two lanes; the server's one per course,
     * so one).
     */
    private static List<Grader> verifyLanes(Graders graders, Path courseRoot) throws CourseException {
        List<Grader> lanes = new ArrayList<>(List.of(graders.grader(courseRoot)));
        if (Runtime.getRuntime().availableProcessors() > 1) {
            lanes.add(graders.grader(courseRoot));
        }
        return lanes;
    }

    /** The exercise suite's self-test: the table on {@code out}, progress on {@code err}. */
    private static ExitCode verify(GradingRequest request, List<Grader> lanes, PrintWriter out, PrintWriter err)
            throws InvalidRequestException {
        VerificationReport report = SuiteVerifier.using(lanes).verify(request.exercises(), line -> {
            err.println(line);
            err.flush();
        });
        out.print(VerificationTable.render(report));
        return report.passed() ? ExitCode.OK : ExitCode.VERIFY_FAILED;
    }
}
