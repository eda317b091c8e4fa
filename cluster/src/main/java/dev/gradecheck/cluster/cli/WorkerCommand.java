package dev.gradecheck.cluster.cli;

import dev.gradecheck.GraderConfig;
import dev.gradecheck.app.ErrorMessages;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.batch.BatchOptions;
import dev.gradecheck.batch.GraderLanes;
import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.ClusterRefused;
import dev.gradecheck.cluster.JobGrader;
import dev.gradecheck.cluster.JobSource;
import dev.gradecheck.cluster.QueueSettings;
import dev.gradecheck.cluster.Worker;
import dev.gradecheck.cluster.grading.BatchJobGrader;
import dev.gradecheck.cluster.hazelcast.ClusterMember;
import dev.gradecheck.cluster.hazelcast.HazelcastJobQueue;
import dev.gradecheck.cluster.hazelcast.MemberSettings;
import dev.gradecheck.course.Course;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.report.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code worker --join HOST:PORT[,HOST:PORT...] [--slots N] [--listen HOST:PORT] [--key FILE]}: joins the batch
 * coordinated at the addresses given, takes jobs when a slot is free and grades them as the batch does, until the
 * coordinator leaves; then waits for the next batch there (until stopped, or {@code --batches} are served). A worker
 * whose course differs from the batch's is refused, naming both suite hashes.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = ClusterMain.Version.class,
        description = {"Joins the cluster of a 'batch --cluster' and grades its submissions, each in its own child JVM "
                + "as the batch grades, --slots at once. Needs the same course checkout (suite hash) and the same "
                + "cluster key as the coordinator."},
        footer = {"", "Exit codes: 0 stopped after --batches, 1 internal error, 2 refused (another course, another "
                + "key, an address that is not this machine's), 3 invalid exercise suite."})
final class WorkerCommand implements Callable<Integer> {

    private static final Duration JOIN_WAIT = Duration.ofSeconds(3);
    private static final Duration BATCH_WAIT = Duration.ofSeconds(30);

    @ParentCommand
    private ClusterMain main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true, split = ",",
            description = "The coordinator's --listen address (more, comma-separated, to join any of them).")
    private List<String> join;

    @Option(names = "--slots", paramLabel = "N", description = "How many submissions are graded at once. Default: the"
            + " number of processors (${DEFAULT-VALUE}).")
    private int slots = BatchOptions.defaultJobs();

    @Option(names = "--batches", paramLabel = "N", description = "Stop after serving N batches. Default: run until "
            + "stopped (Ctrl-C, SIGTERM).")
    private int batches = Integer.MAX_VALUE;

    @Mixin
    private ClusterArguments cluster;

    private final long started = System.nanoTime();
    private volatile boolean stopping;
    private volatile ClusterMember current;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path courseRoot = main.courseRoot();
        GraderLanes lanes = null;
        Path scratch = null;
        Thread stopper = new Thread(this::stop, "gradecheck-worker-stop");
        try {
            ClusterKey key = cluster.key();
            String name = cluster.clusterName(key);
            String suite = Course.load(courseRoot).suiteHash();
            MemberSettings settings = new MemberSettings(name, cluster.host(), cluster.port(0), join,
                    cluster.failureDetection());
            lanes = GraderLanes.create(GraderConfig.forCourse(courseRoot), slots);
            scratch = Files.createTempDirectory("gradecheck-worker-");
            BatchJobGrader grader = new BatchJobGrader(courseRoot, lanes, scratch,
                    QueueSettings.DEFAULTS.maxSubmissionBytes());
            Runtime.getRuntime().addShutdownHook(stopper);
            for (int served = 0; served < batches && !stopping; ) {
                if (serve(settings, key, suite, grader, out, err)) {
                    served++;
                }
            }
            return ExitCode.OK.code();
        } catch (ClusterRefused e) {
            err.println(Escape.terminal("error: " + e.getMessage()));
            return ExitCode.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            return ErrorMessages.report(e, "worker", err).code();
        } finally {
            if (lanes != null) {
                lanes.close();
            }
            if (scratch != null) {
                FileTrees.deleteQuietly(scratch);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // Shutting down, or never added.
            }
            out.flush();
            err.flush();
        }
    }

    /**
     * Joins, grades the batch there until its coordinator leaves, leaves; false when no coordinator was found.
     *
     * @throws ClusterRefused when the batch is not this worker's to grade (another course, another key)
     */
    private boolean serve(MemberSettings settings, ClusterKey key, String suite, BatchJobGrader grader,
                          PrintWriter out, PrintWriter err) throws ClusterRefused, InterruptedException {
        ClusterMember member;
        try {
            member = ClusterMember.start(settings);
        } catch (ClusterRefused e) {
            if (!portFree(settings)) {
                throw e;   // this machine's problem (the port is taken, the address not ours): no retry helps
            }
            // Hazelcast gives up a join that does not finish in time (a coordinator starting up): try again.
            say(out, "Could not join " + String.join(",", settings.members()) + " (" + e.getMessage()
                    + "); trying again.");
            Thread.sleep(1000);
            return false;
        }
        current = member;
        try {
            if (!member.awaitClusterSize(2, JOIN_WAIT)) {
                say(out, "No member of cluster " + settings.clusterName() + " let this worker in at "
                        + String.join(",", settings.members()) + " (not started yet, or started with another key or"
                        + " --cluster-name); trying again.");
                Thread.sleep(1000);
                return false;
            }
            String namespace = settings.clusterName();
            QueueSettings queue = QueueSettings.DEFAULTS;
            JobSource source = HazelcastJobQueue.worker(member.instance(), key, namespace, suite, queue,
                    Clock.systemUTC(), line -> ClusterBatchCommand.log(err, line), BATCH_WAIT);
            Optional<String> coordinator = HazelcastJobQueue.coordinatorOf(member.instance(), namespace);
            String workerId = "worker@" + settings.address();
            say(out, "Worker " + workerId + " joined batch " + namespace + " (suite hash " + suite + "): grading with "
                    + slots + " slot" + (slots == 1 ? "" : "s") + ".");
            long joined = System.nanoTime();
            AtomicBoolean first = new AtomicBoolean(true);
            JobGrader timed = job -> {
                if (first.getAndSet(false)) {
                    say(out, "Worker " + workerId + " took its first job " + (System.nanoTime() - started) / 1_000_000
                            + " ms after it started (" + (System.nanoTime() - joined) / 1_000_000 + " ms after it"
                            + " joined).");
                }
                return grader.grade(job);
            };
            Worker worker = Worker.start(source, timed, workerId, slots, queue.leaseDuration().dividedBy(3));
            try {
                while (!stopping && coordinator.map(member::hasMember).orElse(member.clusterSize() > 1)) {
                    Thread.sleep(200);
                }
            } finally {
                worker.close();
                source.close();
            }
            say(out, stopping ? "Worker stopped." : "The coordinator left: batch " + namespace + " is over or its"
                    + " coordinator stopped; waiting for the next one.");
            return true;
        } finally {
            member.terminate();
            current = null;
        }
    }

    private static boolean portFree(MemberSettings settings) {
        try (ServerSocket socket = new ServerSocket(settings.port(), 1, InetAddress.getByName(settings.bindHost()))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(Escape.terminal(line));
            out.flush();
        }
    }

    /** On SIGTERM or Ctrl-C: no new job; the member leaves at once, its leases go back to the queue. */
    private void stop() {
        stopping = true;
        ClusterMember member = current;
        if (member != null) {
            member.terminate();
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
