package dev.gradecheck.app;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.InvalidRequestException;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.scoring.Points;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The {@code demo} task: grades the solutions, the untouched template and every example, and prints a score table. */
final class Demo {

    private Demo() {
    }

    static ExitCode run(Grader grader, Path courseRoot, PrintWriter out) throws InvalidRequestException, IOException {
        List<DemoSubmission> submissions = submissions(grader.courseView().layout());
        out.printf(Locale.ROOT, "Grading %d submissions against %d exercises (%s points)...\n", submissions.size(),
                grader.courseView().exercises().size(), format(grader.courseView().totalPoints()));
        out.flush();
        List<String> rows = new ArrayList<>();
        for (DemoSubmission submission : submissions) {
            rows.add(gradeOne(grader, submission, courseRoot));
        }
        out.println();
        out.printf(Locale.ROOT, "%-26s %7s %5s %7s  %s\n", "submission", "score", "max", "manual", "reports");
        rows.forEach(out::println);
        out.println();
        out.println("Manual points are pending: a person grades them. Details: bin/grader grade SUBMISSION, or the reports.");
        return ExitCode.OK;
    }

    private static String gradeOne(Grader grader, DemoSubmission submission, Path courseRoot)
            throws InvalidRequestException, IOException {
        GradeReport report = grader.grade(GradeRequest.of(submission.folder().toString()));
        Path outDirectory = courseRoot.resolve("out/demo").resolve(submission.outName());
        Reports.writeAll(report, outDirectory);
        return String.format(Locale.ROOT, "%-26s %7s %5s %7s  %s", submission.name(), format(report.score()),
                format(report.maxScore()), format(report.pendingManualPoints()), courseRoot.relativize(outDirectory) + "/");
    }

    /** A bundled submission: its display name, its folder, and the folder name of its reports under out/demo/. */
    record DemoSubmission(String name, Path folder, String outName) {
    }

    /** The solutions, the template, then each example in name order. */
    static List<DemoSubmission> submissions(CourseLayout layout) {
        List<DemoSubmission> submissions = new ArrayList<>();
        submissions.add(new DemoSubmission("solutions", layout.solutionSources(), "solutions"));
        submissions.add(new DemoSubmission("student-template", layout.template(), "student-template"));
        for (Path example : examples(layout.examples())) {
            String name = example.getFileName().toString();
            submissions.add(new DemoSubmission("examples/" + name, example, name));
        }
        return submissions;
    }

    private static List<Path> examples(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return Points.format(value);
    }
}
