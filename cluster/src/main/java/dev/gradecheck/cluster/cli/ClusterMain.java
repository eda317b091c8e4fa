package dev.gradecheck.cluster.cli;

import dev.gradecheck.GraderVersion;
import dev.gradecheck.app.CourseLocator;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grader [--course DIR] (worker --join HOST:PORT ... | batch SOURCE --out DIR --cluster ...)}: the cluster's
 * two commands. {@link #main} is the only place that calls {@code System.exit}; {@link #run} is what tests call.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = ClusterMain.Version.class,
        subcommands = {WorkerCommand.class, ClusterBatchCommand.class},
        description = "Grading past one machine: a batch that coordinates a cluster of workers, and the workers.",
        footer = {"", "Exit codes: 0 done, 1 internal error, 2 usage error or refused (key, course, address), "
                + "3 invalid exercise suite, 130 stopped."})
@API(status = API.Status.EXPERIMENTAL)
public final class ClusterMain implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--course", paramLabel = "DIR",
            description = "The course root (holds exercises/ and student-template/). Default: env GRADECHECK_COURSE, "
                    + "else the nearest folder above the working directory that holds both.")
    private Path course;

    public static void main(String... args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line; never throws, never exits; the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new ClusterMain())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setOverwrittenOptionsAllowed(true);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command — try 'worker --join HOST:PORT' or 'batch SOURCE --out DIR --cluster'");
    }

    /** The course root; a usage error when none can be found. */
    Path courseRoot() {
        Path working = Path.of("").toAbsolutePath();
        try {
            return CourseLocator.locate(course == null ? null : working.resolve(course).normalize(),
                    System.getenv(CourseLocator.ENVIRONMENT_VARIABLE), working);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code gradecheck grader VERSION (cluster)} and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gradecheck grader " + GraderVersion.current() + " (cluster)", "Java "
                    + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ") at "
                    + System.getProperty("java.home")};
        }
    }
}
