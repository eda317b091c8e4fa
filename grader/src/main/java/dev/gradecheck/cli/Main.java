package dev.gradecheck.cli;

import dev.gradecheck.GraderVersion;
import dev.gradecheck.app.CourseLocator;
import dev.gradecheck.app.ExitCode;
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
 * {@code grader [--course DIR] (grade SUBMISSION ... | demo | --help | --version)}.
 *
 * <p>{@link #main} is the only place that calls {@code System.exit}; {@link #run} is what tests call.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {GradeCommand.class, BatchCommand.class, DemoCommand.class, VerifyCommand.class,
            ServerCommand.class},
        description = "Grades Java submissions against the course's exercises: hidden tests in a sandboxed JVM, "
                + "partial credit, findings with hints; writes report.json and Gradescope's results.json.",
        footer = {"", "Exit codes: 0 grading ran (whatever the score), 1 internal error, 2 usage error, "
                + "3 invalid exercise suite."})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Main implements Runnable {

    private final Invocation invocation;

    @Spec
    private CommandSpec spec;

    @Option(names = "--course", paramLabel = "DIR",
            description = "The course root (holds exercises/ and student-template/). Default: env GRADECHECK_COURSE, "
                    + "else the nearest folder above the working directory that holds both.")
    private Path course;

    public static void main(String... args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args).code());
    }

    private Main(Invocation invocation) {
        this.invocation = invocation;
    }

    /** Runs the command line in this process's working directory; never throws, never exits. */
    public static ExitCode run(PrintStream out, PrintStream err, String... args) {
        return run(Invocation.local(), out, err, args);
    }

    /** Runs the command line in {@code invocation}; never throws, never exits. */
    static ExitCode run(Invocation invocation, PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new Main(invocation))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setOverwrittenOptionsAllowed(true)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(Failures::exitCode)
                .setExecutionExceptionHandler(new Failures(err))
                .setParameterExceptionHandler(Failures::usage);
        commandLine.getCommandSpec().exitCodeOnUsageHelp(ExitCode.OK.code());
        commandLine.getCommandSpec().exitCodeOnVersionHelp(ExitCode.OK.code());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return ExitCode.of(code);
    }

    /** Without a subcommand: say what to do, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command — try 'grader demo' or 'grader grade SUBMISSION'");
    }

    /** The course root this invocation uses; a usage error when none can be found. */
    Path courseRoot() {
        try {
            return CourseLocator.locate(course == null ? null : invocation.resolve(course),
                    System.getenv(CourseLocator.ENVIRONMENT_VARIABLE), invocation.workingDirectory());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** What this run happens in. */
    Invocation invocation() {
        return invocation;
    }

    /**
     * Prints {@code gradecheck grader VERSION} and the Java it runs on, {@code Java 17.0.15 (Vendor) at JAVA_HOME},
     * which is also the Java of the child JVMs that run student code.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gradecheck grader " + GraderVersion.current(), javaLine()};
        }

        static String javaLine() {
            return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ") at "
                    + System.getProperty("java.home");
        }
    }
}
