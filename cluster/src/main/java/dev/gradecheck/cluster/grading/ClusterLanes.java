package dev.gradecheck.cluster.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.batch.BatchLanes;
import dev.gradecheck.batch.GraderLanes;
import dev.gradecheck.cluster.Job;
import dev.gradecheck.cluster.JobQueue;
import dev.gradecheck.cluster.Outcome;
import dev.gradecheck.cluster.QueueSettings;
import dev.gradecheck.cluster.Worker;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.report.AtomicFiles;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apiguardian.api.API;

/**
 * The batch's lanes on a {@link JobQueue}: the coordinator's side of a cluster batch. Each grading the batch hands
 * over becomes a job — the submission zipped (a zip as it is, a folder zipped, a git submission's checkout of the
 * commit zipped), keyed by the SHA-256 of the batch's key for it (content, student, settings) — and the batch's
 * thread waits for its outcome. Remote workers and the coordinator's own slots ({@code localSlots}, none with
 * {@code --jobs 0}) take the jobs. An outcome is written back as a local grading writes it: a graded one's report
 * files with the coordinator's path of the submission (and, for git, the commit) in place of the worker's, a not
 * gradable one as the grader's refusal with the queue's reason. So the batch's journal and outputs cannot tell a
 * cluster grading from a local one. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ClusterLanes implements BatchLanes {

    /** How many jobs the batch keeps queued or running at once. */
    static final int WIDTH = 256;
    private static final Duration OUTCOME_WAIT = Duration.ofMillis(250);
    private static final Gson REPORT_JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();
    private static final Gson RESULTS_JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson STRINGS = new GsonBuilder().disableHtmlEscaping().create();

    private final JobQueue queue;
    private final String suiteHash;
    private final Path courseRoot;
    private final Path scratch;
    private final Optional<GraderLanes> localLanes;
    private final Optional<Worker> local;
    private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
    private final Thread dispatcher;
    private Grader refusals;
    private volatile boolean closed;

    private ClusterLanes(JobQueue queue, String suiteHash, Path courseRoot, Path scratch,
                         Optional<GraderLanes> localLanes, Optional<Worker> local) {
        this.queue = queue;
        this.suiteHash = suiteHash;
        this.courseRoot = courseRoot;
        this.scratch = scratch;
        this.localLanes = localLanes;
        this.local = local;
        this.dispatcher = new Thread(this::dispatch, "gradecheck-outcomes");
        dispatcher.setDaemon(true);
    }

    /**
     * Lanes on {@code queue}, with {@code localSlots} slots of this machine taking jobs too (0: none).
     *
     * @param suiteHash the suite hash of {@code courseRoot}, which the queue's workers must hold
     * @param scratch a folder for checkouts and the local slots' submissions
     * @param workerId the local slots' worker id
     */
    public static ClusterLanes start(JobQueue queue, String suiteHash, Path courseRoot, int localSlots, Path scratch,
                                     QueueSettings settings, String workerId) {
        Optional<GraderLanes> lanes = localSlots == 0 ? Optional.empty()
                : Optional.of(GraderLanes.create(GraderConfig.forCourse(courseRoot), localSlots));
        Optional<Worker> worker = lanes.map(graders -> Worker.start(queue, new BatchJobGrader(courseRoot, graders,
                scratch.resolve("local"), settings.maxSubmissionBytes()), workerId, localSlots,
                settings.leaseDuration().dividedBy(3)));
        ClusterLanes started = new ClusterLanes(queue, suiteHash, courseRoot, scratch.toAbsolutePath(), lanes, worker);
        started.dispatcher.start();
        return started;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public Done grade(Task task) throws Exception {
        Optional<String> commit = Optional.empty();
        JobPackage.Packed submission;
        if (task.ref().isPresent() || task.submission().regionMatches(true, 0, "file:", 0, 5)) {
            Files.createDirectories(scratch);
            Path checkout = Files.createTempDirectory(scratch, "git-");
            try {
                Submission opened = Intake.create(checkout).open(task.submission(), task.ref());
                submission = JobPackage.zipFolder(opened.root());
                commit = opened.gitCommit();
            } catch (SubmissionException e) {
                return refuse(task, e.getMessage());
            } finally {
                FileTrees.deleteQuietly(checkout);
            }
        } else {
            Path path = Path.of(task.submission());
            submission = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? JobPackage.zipFolder(path)
                    : JobPackage.zipFile(path);
        }
        Outcome outcome = await(Job.of(sha256(task.key()), task.student(), suiteHash,
                JobPackage.pack(task.exercises(), submission)));
        if (outcome instanceof Outcome.Graded graded) {
            return write(task, ReportPackage.of(graded.report()), commit);
        }
        return refuse(task, ((Outcome.NotGradable) outcome).reason());
    }

    private Outcome await(Job job) throws InterruptedException {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        waiting.put(job.submissionHash(), outcome);
        try {
            if (!queue.submit(job)) {
                throw new IllegalStateException("job " + job.submissionHash() + " of " + job.student()
                        + " was submitted twice in one batch");
            }
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("no outcome for " + job, e.getCause());
        } finally {
            waiting.remove(job.submissionHash());
        }
    }

    /** Hands each outcome to the grading waiting for it, until {@link #close}. */
    private void dispatch() {
        while (!closed) {
            try {
                queue.nextOutcome(OUTCOME_WAIT).ifPresent(outcome -> {
                    CompletableFuture<Outcome> waiter = waiting.get(outcome.submissionHash());
                    if (waiter != null) {
                        waiter.complete(outcome);
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** A worker's reports, written into the task's folder as a local grading would have written them. */
    private static Done write(Task task, ReportPackage reports, Optional<String> commit) throws IOException {
        for (Map.Entry<String, String> file : reports.files().entrySet()) {
            String text = relocated(file.getKey(), file.getValue(), reports.gradedAs(), task.submission());
            if (commit.isPresent() && file.getKey().equals("report.json")) {
                text = withCommit(text, commit.get(), false);
            } else if (commit.isPresent() && file.getKey().equals("results.json")) {
                text = withCommit(text, commit.get(), true);
            }
            AtomicFiles.write(task.out().resolve(file.getKey()), text);
        }
        return new Done(ExitCode.of(reports.exitCode()),
                reports.errors().replace(reports.gradedAs(), task.submission()));
    }

    /** {@code text} with the worker's path of the submission replaced by the coordinator's, escaped for the file. */
    static String relocated(String name, String text, String gradedAs, String origin) {
        if (name.endsWith(".json")) {
            return text.replace(json(gradedAs), json(origin));
        }
        if (name.endsWith(".html")) {
            return text.replace(html(gradedAs), html(origin));
        }
        return text.replace(gradedAs, origin);
    }

    private static String json(String text) {
        String quoted = STRINGS.toJson(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * The git commit a local grading of the checkout would have named: {@code provenance.git_commit} of
     * {@code report.json}, {@code extra_data.git_commit} (before {@code integrity}) of {@code results.json}.
     */
    static String withCommit(String text, String commit, boolean results) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        String end = text.substring(text.stripTrailing().length());
        if (!results) {
            json.getAsJsonObject("provenance").add("git_commit", new JsonPrimitive(commit));
            return REPORT_JSON.toJson(json) + end;
        }
        JsonObject extra = json.getAsJsonObject("extra_data");
        if (extra == null || extra.has("git_commit")) {
            return text;
        }
        JsonObject ordered = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : extra.entrySet()) {
            if (entry.getKey().equals("integrity")) {
                ordered.addProperty("git_commit", commit);
            }
            ordered.add(entry.getKey(), entry.getValue());
        }
        if (!ordered.has("git_commit")) {
            ordered.addProperty("git_commit", commit);
        }
        json.add("extra_data", ordered);
        return RESULTS_JSON.toJson(json) + end;
    }

    /** The grader's refusal of {@code task} for {@code reason}, written as {@code grade} writes a refusal. */
    private Done refuse(Task task, String reason) throws CourseException, IOException, InterruptedException {
        GradeReport report = refusal(new GradeRequest(task.submission(), task.ref(), task.exercises()), reason);
        for (ReportFormat format : ReportFormat.DEFAULTS) {
            format.writer().write(report, task.out());
        }
        return new Done(ExitCode.USAGE, reason);
    }

    /** From a grader of the course without child JVMs (a refusal runs no student code), made when first needed. */
    @Override
    public synchronized GradeReport refusal(GradeRequest request, String reason) throws CourseException {
        if (refusals == null) {
            refusals = Grader.create(GraderConfig.forCourse(courseRoot).withStandby(false));
        }
        return refusals.refusal(request, reason);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Stops the local slots (their child JVMs first), the queue's coordinator threads and the outcome thread. */
    @Override
    public void close() {
        closed = true;
        localLanes.ifPresent(GraderLanes::close);
        local.ifPresent(Worker::close);
        queue.close();
        dispatcher.interrupt();
        synchronized (this) {
            if (refusals != null) {
                refusals.close();
            }
        }
    }
}
