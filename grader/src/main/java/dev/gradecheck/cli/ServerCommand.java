package dev.gradecheck.cli;

import dev.gradecheck.server.ServerControl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code server (start | stop | status | run)}: the long-lived grader {@code bin/grader} hands its tasks to. The
 * commands only read their options; {@link ServerControl} does the work.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {ServerCommand.Start.class, ServerCommand.Stop.class, ServerCommand.Status.class,
                ServerCommand.Run.class},
        description = {"A grader that stays running, with javac warm, the course loaded and a child JVM started ahead "
                + "for the next submission. While it runs, bin/grader hands it every grade, demo and verify command "
                + "line (same output, same reports, same exit codes) and falls back to grading by itself when it "
                + "is not running or is an older build.",
                "It listens on 127.0.0.1 only and answers only requests carrying the token in its endpoint file, "
                        + "which only its user can read."})
final class ServerCommand implements Runnable {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the server keeps its endpoint file and log. Default: grader/target/server, where "
                    + "bin/grader looks.")
    private Path stateDirectory;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing server command — start, stop, status or run");
    }

    private Path stateDirectory() {
        return stateDirectory != null ? main.invocation().resolve(stateDirectory)
                : ServerControl.defaultStateDirectory();
    }

    /** {@code server start}: starts a server in the background and returns once it answers. */
    @Command(name = "start", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Starts the grading server in the background (it grades the solutions three times and "
                    + "waits for its standby child JVM to warm up) and returns when it is ready. A server of an older "
                    + "build is stopped first.")
    static final class Start implements Callable<Integer> {

        @ParentCommand
        private ServerCommand server;

        @Spec
        private CommandSpec spec;

        @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "120",
                description = "Stop after N minutes without a request (default ${DEFAULT-VALUE}).")
        private int idleMinutes;

        @Override
        public Integer call() throws Exception {
            Path folder = server.stateDirectory();
            List<String> runCommand = List.of(Main.class.getName(), "--course", server.main.courseRoot().toString(),
                    "server", "--state-dir", folder.toString(), "run", "--idle-minutes", Integer.toString(idleMinutes));
            return ServerControl.start(folder, runCommand, idleMinutes, spec.commandLine().getOut()).code();
        }
    }

    /** {@code server run}: the server itself, in the foreground. */
    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Runs the grading server in the foreground (for a service manager); 'server start' runs "
                    + "this in the background.")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        private ServerCommand server;

        @Spec
        private CommandSpec spec;

        @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "120",
                description = "Stop after N minutes without a request (default ${DEFAULT-VALUE}).")
        private int idleMinutes;

        @Override
        public Integer call() throws Exception {
            return ServerControl.run(server.stateDirectory(), server.main.courseRoot(), idleMinutes,
                    spec.commandLine().getOut()).code();
        }
    }

    /** {@code server stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Stops the grading server (a grading under way completes first).")
    static final class Stop implements Callable<Integer> {

        @ParentCommand
        private ServerCommand server;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return ServerControl.stop(server.stateDirectory(), spec.commandLine().getOut()).code();
        }
    }

    /** {@code server status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Says whether the grading server runs, and what it has loaded.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        private ServerCommand server;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            return ServerControl.status(server.stateDirectory(), spec.commandLine().getOut()).code();
        }
    }
}
