package dev.gradecheck.cli;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: grades the solutions, the untouched template and every example, and prints a score table. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades the bundled submissions — solutions/src/main/java, student-template/ and every folder "
                + "under examples/ — prints their scores and writes their reports under out/demo/<name>/.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path courseRoot = main.courseRoot();
        Grader grader = main.invocation().graders().grader(courseRoot);
        PrintWriter out = spec.commandLine().getOut();
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
        out.flush();
        return ExitCode.OK.code();
    }

    private static String gradeOne(Grader grader, DemoSubmission submission, Path courseRoot) throws Exception {
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
