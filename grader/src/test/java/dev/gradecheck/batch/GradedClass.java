package dev.gradecheck.batch;

import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.testing.RepoCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A class of 34 built from the course, graded once per test JVM by the batch ({@code --jobs 2}) and shared by every
 * test that only reads what the batch wrote (copy {@link #out} before running a batch over it). The class: the
 * solutions (with a written answer in {@code ANSWERS.md}), the untouched template, the three examples and 25
 * known-bug variants — every tenth a zip, the rest folders — plus a git repository ({@code git-student}, one commit),
 * a student id that is a spreadsheet formula ({@link #FORMULA_ID}), an empty folder and a corrupt zip. Built lazily
 * in a temporary folder that is deleted when the JVM exits.
 *
 * @param temp the folder everything is in
 * @param classFolder the SOURCE folder graded
 * @param out the batch's {@code --out DIR}
 * @param result what the batch returned
 * @param sources every gradable student's id and source path, in class order
 * @param gitCommit the commit of {@code git-student}
 * @param log the batch's progress lines
 * @param seconds how long the batch took
 */
record GradedClass(Path temp, Path classFolder, Path out, BatchResult result, Map<String, String> sources,
                   String gitCommit, String log, double seconds) {

    /** The written answer the solutions' {@code ANSWERS.md} holds. */
    static final String ANSWER = "Sigmoid's derivative is at most 1/4, so each layer shrinks the gradient.";
    /** A student id a spreadsheet would run as a formula. */
    static final String FORMULA_ID = "=SUM(1,2)";

    private static GradedClass graded;

    /** The class, graded on first use. */
    static synchronized GradedClass get() {
        if (graded == null) {
            graded = grade();
        }
        return graded;
    }

    private static GradedClass grade() {
        try {
            Path temp = Files.createTempDirectory("gradecheck-class");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(temp),
                    "gradecheck-class-delete"));
            Path classFolder = Files.createDirectories(temp.resolve("class"));
            Map<String, Path> made = ClassFixture.submissions(temp.resolve("made"), 30);
            Files.writeString(made.get("solutions").resolve("ANSWERS.md"), Files.readString(RepoCourse.root()
                    .resolve("student-template/ANSWERS.md")) + ANSWER + "\n");
            Map<String, String> sources = new LinkedHashMap<>();
            int index = 0;
            for (Map.Entry<String, Path> submission : made.entrySet()) {
                String id = submission.getKey();
                sources.put(id, (index++ % 10 == 3
                        ? ClassFixture.zip(submission.getValue(), classFolder.resolve(id + ".zip"))
                        : ClassFixture.copy(submission.getValue(), classFolder.resolve(id))).toString());
            }
            Path repository = ClassFixture.copy(made.get("typical-mistake"), classFolder.resolve("git-student"));
            String gitCommit = ClassFixture.commitAll(repository, "hw", "2025-01-10T12:00:00+00:00");
            sources.put("git-student", repository.toString());
            sources.put(FORMULA_ID, ClassFixture.copy(made.get("partial"), classFolder.resolve(FORMULA_ID)).toString());
            Files.createDirectories(classFolder.resolve("empty"));
            Files.writeString(classFolder.resolve("corrupt.zip"), "PK\u0003\u0004 this is no zip at all");
            Path out = temp.resolve("out");
            StringWriter log = new StringWriter();
            long start = System.nanoTime();
            BatchResult result = Batch.run(BatchOptions.of(RepoCourse.root(), classFolder, out).withJobs(2),
                    Progress.lines(new PrintWriter(log, true)));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("batch of %d submissions, --jobs 2: %.1f s%n", result.students(), seconds);
            return new GradedClass(temp, classFolder, out, result, Collections.unmodifiableMap(sources), gitCommit,
                    log.toString(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BatchRefused | dev.gradecheck.course.CourseException e) {
            throw new IllegalStateException("the class could not be graded: " + e.getMessage(), e);
        }
    }
}
