package dev.gradecheck.batch;

import com.google.gson.JsonObject;
import dev.gradecheck.GradeRequest;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.GraderVersion;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.report.AtomicFiles;
import dev.gradecheck.report.DashboardPageWriter;
import dev.gradecheck.report.FeedbackPageWriter;
import dev.gradecheck.report.JsonReportReader;
import dev.gradecheck.report.html.FeedbackPage;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.scoring.Points;
import dev.gradecheck.submission.SubmissionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Grades a class: the one way into this package.
 *
 * <pre>{@code
 * BatchResult result = Batch.run(BatchOptions.of(courseRoot, classFolder, outFolder), Progress.lines(out));
 * }</pre>
 *
 * <p>Steps: read the class ({@link ClassSources}); take the manual grades file, whole or not at all; find in the
 * journal what is up to date (same content hash, suite hash and settings, reports in place); grade the rest, up to
 * {@code jobs} at once, each exactly as {@code bin/grader grade} grades it (a git submission at a commit: its ref,
 * or its last commit before the deadline); then rebuild every per-student report with the manual grades merged, and
 * {@code gradebook.csv}, {@code class.json} (with {@code dashboard.html} rendered from it) and {@code manual.csv}, from the
 * reports alone. A submission that cannot be
 * graded is a row with its reason, never a stopped batch. Each student's reports are written atomically before the
 * journal records them, so a batch killed at any point loses at most the gradings in flight, and a rerun grades only
 * those. On SIGINT the batch stops grading, ends its child JVMs and writes nothing half.
 *
 * <p>Layout of {@code DIR}: {@code <student>/report.json}, {@code <student>/results.json},
 * {@code <student>/feedback.html}, {@code gradebook.csv}, {@code class.json}, {@code dashboard.html},
 * {@code manual.csv}, and {@code .batch/} (journal, the reports as graded, accepted
 * manual grades).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Batch {

    static final String GRADED = "graded";
    static final String NOT_GRADABLE = "not_gradable";
    /** Journal status of a grading the grader itself failed: never up to date, so the next run grades it again. */
    static final String GRADER_FAILED = "grader_failed";

    private static final FeedbackPageWriter FEEDBACK = new FeedbackPageWriter();

    private final BatchOptions options;
    private final Progress progress;
    private final Path state;
    private volatile boolean stopping;
    private ExecutorService workers;
    private final Optional<BatchLanes> given;
    private BatchLanes lanes;

    private Batch(BatchOptions options, Progress progress, Optional<BatchLanes> given) {
        this.options = options;
        this.progress = progress;
        this.state = options.out().resolve(".batch");
        this.given = given;
    }

    /**
     * Runs the batch; see the class comment.
     *
     * @throws BatchRefused when the class, the output folder or the manual grades file cannot be used; nothing changed
     * @throws CourseException when the exercise suite is invalid
     */
    public static BatchResult run(BatchOptions options, Progress progress) throws BatchRefused, CourseException {
        if (options.jobs() == 0) {
            throw new BatchRefused("--jobs 0 grades nothing on this machine, which only a cluster batch may do (--cluster,"
                    + " with workers): give --jobs 1 or more");
        }
        return new Batch(options, progress, Optional.empty()).run();
    }

    /**
     * Runs the batch with its gradings on {@code lanes} (a cluster's, say) instead of this machine's; the batch
     * closes them when it ends. Everything else — what is graded, the journal, every output — is as {@link #run}.
     */
    public static BatchResult run(BatchOptions options, Progress progress, BatchLanes lanes) throws BatchRefused,
            CourseException {
        return new Batch(options, progress, Optional.of(lanes)).run();
    }

    private BatchResult run() throws BatchRefused, CourseException {
        prepareOut();
        ClassSources.ClassList list = ClassSources.read(options.source(), state.resolve("unpacked"));
        Course course = Course.load(options.courseRoot());
        lanes = given.isPresent() ? given.get()
                : GraderLanes.create(GraderConfig.forCourse(options.courseRoot()), options.jobs());
        Thread stopper = new Thread(this::stop, "gradecheck-batch-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (Journal journal = openJournal()) {
            requireKnownExercises(course);
            ManualItems items = ManualItems.of(course, options.exercises());
            ManualGrades grades = acceptManualGrades(list, items);
            String suite = course.suiteHash();
            String settings = settingsHash();
            List<ClassEntry> toGrade = new ArrayList<>();
            Map<String, String> contents = new java.util.HashMap<>();   // student -> content hash, computed once
            for (ClassEntry entry : list.entries()) {
                String content = ContentHash.of(entry.source());
                if (!upToDate(journal, entry, content, suite, settings)) {
                    toGrade.add(entry);
                    contents.put(entry.student(), content);
                }
            }
            progress.started(list.entries().size(), list.entries().size() - toGrade.size(), toGrade.size(),
                    options.jobs());
            int graded = gradeAll(toGrade, contents, journal, suite, settings);
            if (stopping) {
                return stopped(graded, list.entries().size());
            }
            List<StudentRecord> records = rebuild(list, journal, items, grades);
            writeClassOutputs(list.form(), suite, records, course, items, grades);
            long notGradable = records.stream().filter(r -> !r.graded()).count();
            progress.ended(String.format(Locale.ROOT, "Graded %d of %d submissions (%d up to date), %d not gradable."
                    + " Gradebook: %s", graded, records.size(), records.size() - toGrade.size(), notGradable,
                    options.out().resolve("gradebook.csv")));
            return new BatchResult(records.size(), graded, records.size() - toGrade.size(), (int) notGradable, false);
        } catch (IOException e) {
            throw new BatchRefused("cannot write into " + options.out() + " (" + e + ") — check that the folder can be"
                    + " written, or pass another --out DIR", e);
        } finally {
            lanes.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the stopper runs now.
            }
        }
    }

    private BatchResult stopped(int graded, int total) {
        progress.ended("Stopped: " + graded + " submissions graded in this run and recorded; run the same command again"
                + " to grade the rest.");
        return new BatchResult(total, graded, 0, 0, true);
    }

    /** On SIGINT (or any JVM shutdown while the batch runs): no new grading, children ended, nothing half-written. */
    private void stop() {
        stopping = true;
        ExecutorService running = workers;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lanes != null) {
            lanes.close();
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private void prepareOut() throws BatchRefused {
        try {
            Files.createDirectories(state);
            removeTemporaries(options.out());
        } catch (IOException e) {
            throw new BatchRefused("cannot create " + state + " (" + e.getMessage() + ") — check that the folder can be"
                    + " written, or pass another --out DIR", e);
        }
    }

    /** Temporary files left by a batch killed while writing ({@code .report.json123.tmp}): never read, removed. */
    private static void removeTemporaries(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out, 4)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Journal openJournal() throws BatchRefused {
        try {
            return Journal.open(state.resolve("journal.jsonl"));
        } catch (IOException e) {
            throw new BatchRefused("cannot open the journal in " + state + " (" + e.getMessage() + ")", e);
        }
    }

    private void requireKnownExercises(Course course) throws BatchRefused {
        for (String id : options.exercises()) {
            if (course.exercise(id).isEmpty()) {
                throw new BatchRefused("unknown exercise \"" + id + "\" — the course has: " + String.join(", ",
                        course.exercises().stream().map(Exercise::id).toList()));
            }
        }
    }

    private ManualGrades acceptManualGrades(ClassSources.ClassList list, ManualItems items) throws BatchRefused,
            IOException {
        Path kept = state.resolve("manual.json");
        ManualGrades grades = ManualGrades.load(kept);
        if (options.manual().isPresent()) {
            HashSet<String> students = new HashSet<>();
            list.entries().forEach(entry -> students.add(entry.student()));
            grades = grades.merge(options.manual().get(), students, items);
            AtomicFiles.write(kept, grades.toJson());
        }
        return grades;
    }

    private String settingsHash() {
        return ContentHash.ofText(String.join("\n", "grader " + GraderVersion.current(),
                "exercises " + String.join(",", options.exercises()),
                "deadline " + options.deadline().map(Instant::toString).orElse("")));
    }

    private static String entrySettings(String settings, ClassEntry entry) {
        return ContentHash.ofText(settings + "\nref " + entry.ref().orElse("") + "\nsource " + entry.source());
    }

    private boolean upToDate(Journal journal, ClassEntry entry, String content, String suite, String settings) {
        Optional<Journal.Entry> last = journal.latest(entry.student());
        return last.isPresent() && !last.get().status().equals(GRADER_FAILED) && last.get().sameAs(content, suite,
                entrySettings(settings, entry))
                && Files.isRegularFile(graded(entry).resolve("report.json"))
                && Files.isRegularFile(graded(entry).resolve("results.json"));
    }

    private Path graded(ClassEntry entry) {
        return state.resolve("graded").resolve(entry.folder());
    }

    private int gradeAll(List<ClassEntry> toGrade, Map<String, String> contents, Journal journal, String suite,
                         String settings) {
        if (toGrade.isEmpty()) {
            return 0;
        }
        workers = Executors.newFixedThreadPool(Math.min(lanes.width(), toGrade.size()), runnable -> {
            Thread thread = new Thread(runnable, "gradecheck-batch");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Boolean>> done = new ArrayList<>();
        for (ClassEntry entry : toGrade) {
            String content = contents.get(entry.student());
            done.add(workers.submit(() -> gradeOne(entry, content, journal, suite, entrySettings(settings, entry))));
        }
        workers.shutdown();
        int graded = 0;
        for (Future<Boolean> future : done) {
            try {
                graded += future.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                if (!stopping) {
                    throw new IllegalStateException("a grading failed unexpectedly: " + e.getCause(), e.getCause());
                }
            }
        }
        return graded;
    }

    /**
     * Grades one submission, writes its reports as graded, records it with {@code content} (its content hash, taken
     * before the grading); false when the batch is stopping.
     */
    private boolean gradeOne(ClassEntry entry, String content, Journal journal, String suite, String settings)
            throws Exception {
        if (stopping) {
            return false;
        }
        Path scratch = Files.createDirectories(state.resolve("scratch")).resolve(entry.folder());
        Path folder = graded(entry);
        FileTrees.deleteQuietly(folder);   // reports of an earlier grading must not pass for this one's
        Grading grading;
        try {
            grading = grade(entry, ContentHash.ofText(content + "\n" + entry.student() + "\n" + settings), scratch,
                    folder);
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
        if (stopping) {
            return false;   // a grading disturbed by the stop is not recorded: the rerun grades it
        }
        copyReports(entry);
        journal.append(new Journal.Entry(entry.student(), content, suite, settings, grading.status(),
                grading.reason(), grading.commit().map(GitHistory.Commit::id),
                grading.commit().map(GitHistory.Commit::time)));
        progress.finished(entry.student(), grading.status().equals(GRADED), grading.status().equals(GRADED)
                ? grading.score() + grading.commit().map(c -> " at " + c.id().substring(0, 12)).orElse("")
                : grading.reason());
        return true;
    }

    /**
     * A grading as the journal records it: {@link #GRADED}, {@link #NOT_GRADABLE} or {@link #GRADER_FAILED}, the
     * reason when not graded, the score as text, and for a git submission the commit graded.
     */
    private record Grading(String status, String reason, String score, Optional<GitHistory.Commit> commit) {
    }

    /**
     * Grades {@code entry} into {@code folder} as {@code bin/grader grade SOURCE --ref COMMIT --out folder} does:
     * on the batch's {@link BatchLanes} (this machine's: through {@link Tasks#run}, with a warm grader). What only a class has to decide (a source the class
     * could not read, an empty submission, no commit before the deadline) is refused here, with the grader's refusal
     * report written in the default formats, as {@code grade} writes a refusal.
     */
    private Grading grade(ClassEntry entry, String key, Path scratch, Path folder) throws Exception {
        GradeRequest request = new GradeRequest(entry.source(), entry.ref(), options.exercises());
        if (entry.problem().isPresent()) {
            return refused(request, entry.problem().get(), folder, Optional.empty());
        }
        Optional<String> ref = entry.ref();
        Optional<GitHistory.Commit> commit = Optional.empty();
        if (isGit(entry)) {
            try {
                commit = Optional.of(GitHistory.commitToGrade(entry.source(), entry.ref(), options.deadline(), scratch));
            } catch (SubmissionException e) {
                return refused(request, e.getMessage(), folder, Optional.empty());
            }
            ref = Optional.of(commit.get().id());
        } else if (isEmpty(Path.of(entry.source()))) {
            return refused(request, "the submission is empty: it holds no file — submit your .java files",
                    folder, Optional.empty());
        }
        BatchLanes.Done done = lanes.grade(new BatchLanes.Task(options.courseRoot(), entry.student(), key,
                entry.source(), ref, options.exercises(), folder));
        return recorded(done.code(), folder, done.errors(), commit);
    }

    /** The grading as its report says, with the exit code {@code grade} would have ended with. */
    private static Grading recorded(ExitCode code, Path folder, String errors, Optional<GitHistory.Commit> commit)
            throws IOException {
        Path reportFile = folder.resolve("report.json");
        JsonObject report = Files.isRegularFile(reportFile)
                ? ReportJson.parse(Files.readString(reportFile, StandardCharsets.UTF_8)) : new JsonObject();
        String reason = ReportJson.text(report, "reason");
        if (reason.isEmpty()) {
            reason = errors.strip().replaceFirst("^error: ", "");
        }
        String status = switch (code) {
            case OK -> GRADED;
            case USAGE -> NOT_GRADABLE;
            default -> GRADER_FAILED;   // never up to date: the next run grades it again
        };
        return new Grading(status, status.equals(GRADED) ? "" : reason,
                Points.format(ReportJson.number(report, "score")) + "/" + Points.format(ReportJson.number(report,
                        "max_score")), commit);
    }

    /** The grader's refusal of {@code request} for {@code reason}, written as {@code grade} writes a refusal. */
    private Grading refused(GradeRequest request, String reason, Path folder, Optional<GitHistory.Commit> commit)
            throws Exception {
        GradeReport report = lanes.refusal(request, reason);
        for (ReportFormat format : ReportFormat.DEFAULTS) {
            format.writer().write(report, folder);
        }
        return new Grading(NOT_GRADABLE, reason, "0/" + Points.format(report.maxScore()), commit);
    }

    private static boolean isGit(ClassEntry entry) {
        return entry.ref().isPresent() || entry.source().startsWith("file:")
                || ClassSources.isGitRepository(Path.of(entry.source()));
    }

    /** A folder without a single file, or a zip without a single file entry. */
    private static boolean isEmpty(Path source) {
        try {
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.walk(source)) {
                    return files.noneMatch(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
                }
            }
            if (Files.isRegularFile(source) && Files.size(source) > 0) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(source.toFile())) {
                    return zip.stream().allMatch(java.util.zip.ZipEntry::isDirectory);
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;   // the grading says what is wrong with it
        }
        return false;
    }

    /**
     * The student's reports as graded ({@code report.json}, {@code results.json}, {@code feedback.html}), copied into
     * {@code DIR/<student>/} (the manual grades merge in at the end).
     */
    private void copyReports(ClassEntry entry) throws IOException {
        for (String name : List.of("report.json", "results.json", FEEDBACK.fileName())) {
            if (name.equals(FEEDBACK.fileName()) && !Files.isRegularFile(graded(entry).resolve(name))) {
                continue;   // rendered from the report at the end of the run
            }
            AtomicFiles.write(options.out().resolve(entry.folder()).resolve(name),
                    Files.readString(graded(entry).resolve(name), StandardCharsets.UTF_8));
        }
    }

    /** Every student's reports with the manual grades merged, written into {@code DIR/<student>/}. */
    private List<StudentRecord> rebuild(ClassSources.ClassList list, Journal journal, ManualItems items,
                                        ManualGrades grades) throws IOException {
        List<StudentRecord> records = new ArrayList<>();
        for (ClassEntry entry : list.entries()) {
            Journal.Entry recorded = journal.latest(entry.student()).orElseThrow();
            String reportText = Files.readString(graded(entry).resolve("report.json"), StandardCharsets.UTF_8);
            String resultsText = Files.readString(graded(entry).resolve("results.json"), StandardCharsets.UTF_8);
            JsonObject report = ReportJson.parse(reportText);
            if (grades.any(entry.student())) {
                report = ManualMerge.report(report, entry.student(), items, grades);
                reportText = ReportJson.REPORT.toJson(report) + "\n";
                resultsText = ReportJson.RESULTS.toJson(ManualMerge.results(ReportJson.parse(resultsText),
                        entry.student(), items, grades)) + "\n";
            }
            writeIfChanged(options.out().resolve(entry.folder()).resolve("report.json"), reportText);
            writeIfChanged(options.out().resolve(entry.folder()).resolve("results.json"), resultsText);
            writeIfChanged(options.out().resolve(entry.folder()).resolve(FEEDBACK.fileName()),
                    feedbackPage(entry, items, grades));
            records.add(new StudentRecord(entry, recorded, report));
        }
        return records;
    }

    /**
     * {@code feedback.html} as graded with {@code entry}'s manual grades in it: rendered again from the report as
     * graded, as {@code grade} renders it, so that a grade given later shows without regrading.
     */
    private String feedbackPage(ClassEntry entry, ManualItems items, ManualGrades grades) throws IOException {
        String graded = Files.readString(graded(entry).resolve("report.json"), StandardCharsets.UTF_8);
        Map<String, FeedbackPage.HandGrade> given = new java.util.TreeMap<>();
        for (ManualItems.Item item : items.all()) {
            grades.grade(entry.student(), item).ifPresent(grade -> given.put(item.key(),
                    new FeedbackPage.HandGrade(grade.points(), grade.comment())));
        }
        return FEEDBACK.render(JsonReportReader.read(graded), given);
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            AtomicFiles.write(file, text);
        }
    }

    private void writeClassOutputs(String form, String suite, List<StudentRecord> records, Course course,
                                   ManualItems items, ManualGrades grades) throws IOException {
        List<Exercise> exercises = course.exercises().stream()
                .filter(e -> options.exercises().isEmpty() || options.exercises().contains(e.id())).toList();
        double maxScore = exercises.stream().mapToDouble(Exercise::maxScore).sum();
        AtomicFiles.write(options.out().resolve("gradebook.csv"),
                Gradebook.render(records, exercises, items, maxScore, options.idColumn()));
        String summary = ClassSummary.render(form, suite, records, exercises, items, maxScore);
        AtomicFiles.write(options.out().resolve("class.json"), summary);
        AtomicFiles.write(options.out().resolve(DashboardPageWriter.FILE_NAME), new DashboardPageWriter()
                .render(summary, records.stream().collect(Collectors.toMap(StudentRecord::student,
                        record -> record.entry().folder()))));
        AtomicFiles.write(options.out().resolve("manual.csv"), ManualSheet.render(records, items, grades));
    }
}
