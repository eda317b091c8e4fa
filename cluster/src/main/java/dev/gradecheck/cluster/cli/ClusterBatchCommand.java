package dev.gradecheck.cluster.cli;

import dev.gradecheck.app.ErrorMessages;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.batch.Batch;
import dev.gradecheck.batch.BatchOptions;
import dev.gradecheck.batch.BatchRefused;
import dev.gradecheck.batch.BatchResult;
import dev.gradecheck.batch.Progress;
import dev.gradecheck.cli.BatchArguments;
import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.ClusterRefused;
import dev.gradecheck.cluster.QueueSettings;
import dev.gradecheck.cluster.grading.ClusterLanes;
import dev.gradecheck.cluster.hazelcast.ClusterMember;
import dev.gradecheck.cluster.hazelcast.HazelcastJobQueue;
import dev.gradecheck.cluster.hazelcast.MemberSettings;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.report.Escape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch SOURCE --out DIR --cluster [--listen HOST:PORT] [--key FILE] [--jobs N] ...}: the batch as the
 * cluster's coordinator. It embeds a member, puts every submission the journal lacks on the queue, grades on
 * {@code --jobs} local slots too (none with 0), and alone writes DIR, as a local batch writes it.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = ClusterMain.Version.class,
        description = {"Grades a whole class as 'batch' does, on a cluster: this process coordinates (its journal and "
                + "outputs are a local batch's), workers started with 'worker --join HOST:PORT' take the submissions "
                + "when they have a free slot, and --jobs N of them are graded here too (0: none)."},
        footer = {"", "Exit codes: 0 the batch ran, 1 internal error, 2 usage error or refused (key, address), "
                + "3 invalid exercise suite, 130 stopped (run again to go on)."})
final class ClusterBatchCommand implements Callable<Integer> {

    private static final int DEFAULT_PORT = 5701;

    @ParentCommand
    private ClusterMain main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private BatchArguments arguments;

    @Mixin
    private ClusterArguments cluster;

    @Option(names = "--cluster", required = true, description = "Coordinate a cluster (this command's purpose).")
    private boolean coordinate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path courseRoot = main.courseRoot();
        BatchOptions options;
        try {
            Path working = Path.of("").toAbsolutePath();
            options = arguments.options(courseRoot, path -> working.resolve(path).normalize());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ClusterMember member = null;
        try {
            ClusterKey key = cluster.key();
            String name = cluster.clusterName(key);
            String suite = Course.load(courseRoot).suiteHash();
            MemberSettings settings = new MemberSettings(name, cluster.host(), cluster.port(DEFAULT_PORT), List.of(),
                    cluster.failureDetection());
            member = ClusterMember.start(settings);
            HazelcastJobQueue queue = HazelcastJobQueue.coordinator(member.instance(), key, name, suite,
                    QueueSettings.DEFAULTS, Clock.systemUTC(), line -> log(err, line));
            out.println("Coordinating batch " + name + " at " + settings.address() + " (suite hash " + suite
                    + "); workers join with: bin/grader worker --join " + settings.address());
            out.flush();
            ClusterLanes lanes = ClusterLanes.start(queue, suite, courseRoot, options.jobs(),
                    options.out().resolve(".batch").resolve("cluster"), QueueSettings.DEFAULTS,
                    "coordinator@" + settings.address());
            Progress progress = System.console() != null ? Progress.bar(err) : Progress.lines(out);
            BatchResult result = Batch.run(options, progress, lanes);
            return result.stopped() ? 130 : ExitCode.OK.code();
        } catch (ClusterRefused | BatchRefused e) {
            err.println(Escape.terminal("error: " + e.getMessage()));
            return ExitCode.USAGE.code();
        } catch (CourseException e) {
            return ErrorMessages.report(e, "batch", err).code();
        } catch (Exception e) {
            return ErrorMessages.report(e, "batch", err).code();
        } finally {
            if (member != null) {
                member.terminate();
            }
            out.flush();
            err.flush();
        }
    }

    /** A refusal of the queue (a forged job or result, a result of another course), as one line on stderr. */
    static void log(PrintWriter err, String line) {
        synchronized (err) {
            err.println(Escape.terminal("cluster: " + line));
            err.flush();
        }
    }
}
