package dev.gradecheck.cli;

import dev.gradecheck.Grader;
import dev.gradecheck.course.CourseException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code server (start | stop | status | run)}: the long-lived grader {@code bin/grader} hands its commands to. */
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

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

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
                : ServerEndpoint.defaultStateDirectory();
    }

    /** Sends a status or stop request; the exit code, or empty when the server does not answer. */
    private static OptionalInt ask(ServerEndpoint endpoint, String verb, Consumer<String> lines) {
        return ServerClient.call(endpoint, verb, "/", List.of(), lines, lines);
    }

    private static OptionalInt ask(ServerEndpoint endpoint, String verb) {
        return ask(endpoint, verb, line -> { });
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
            PrintWriter out = spec.commandLine().getOut();
            Path folder = server.stateDirectory();
            Optional<ServerEndpoint> running = ServerEndpoint.read(folder)
                    .filter(endpoint -> ask(endpoint, ServerProtocol.STATUS).isPresent());
            if (running.isPresent() && running.get().build().equals(ServerEndpoint.currentBuild())) {
                out.println("gradecheck grading server already running: pid " + running.get().pid() + " on 127.0.0.1:"
                        + running.get().port());
                return ExitCode.OK.code();
            }
            if (running.isPresent()) {
                ask(running.get(), ServerProtocol.STOP);
                out.println("stopped the grading server of an older build (pid " + running.get().pid() + ")");
            }
            ServerEndpoint.createPrivateFolder(folder);
            Path log = folder.resolve("server.log");
            Process process = new ProcessBuilder(command(folder))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            ServerEndpoint ready = awaitReady(folder, process, running);
            out.println("gradecheck grading server ready: pid " + ready.pid() + " on 127.0.0.1:" + ready.port()
                    + " (log: " + log + ")");
            out.println("bin/grader grade, demo and verify now use it; 'bin/grader server stop' stops it, and it stops "
                    + "by itself after " + idleMinutes + " idle minutes.");
            return ExitCode.OK.code();
        }

        /** This JVM's java and class path, start-up flags for short tasks, in a session of its own when possible. */
        private List<String> command(Path folder) {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Measured: C2 compile threads cost more than they return for gradings of about a second on 2 cores.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--course", server.main.courseRoot().toString(), "server", "--state-dir", folder.toString(),
                    "run", "--idle-minutes", Integer.toString(idleMinutes)));
            return command;
        }

        private static ServerEndpoint awaitReady(Path folder, Process process, Optional<ServerEndpoint> previous)
                throws IOException, InterruptedException {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                Optional<ServerEndpoint> endpoint = ServerEndpoint.read(folder)
                        .filter(found -> previous.map(old -> !old.equals(found)).orElse(true))
                        .filter(found -> ask(found, ServerProtocol.STATUS).isPresent());
                if (endpoint.isPresent()) {
                    return endpoint.get();
                }
                if (!process.isAlive()) {
                    throw new IOException("the grading server exited (code " + process.exitValue()
                            + ") before it was ready — see " + folder.resolve("server.log"));
                }
                Thread.sleep(100);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("the grading server was not ready within " + START_LIMIT.toMinutes()
                    + " minutes — see " + folder.resolve("server.log"));
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

        private static final int WARM_UP_GRADINGS = 3;
        private static final Duration STANDBY_WARM_UP_LIMIT = Duration.ofSeconds(10);

        @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "120",
                description = "Stop after N minutes without a request (default ${DEFAULT-VALUE}).")
        private int idleMinutes;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path courseRoot = server.main.courseRoot();
            Graders.Kept graders = new Graders.Kept();
            warmUp(graders, courseRoot, server.stateDirectory());
            try (GradingServer grading = GradingServer.open(server.stateDirectory(), graders,
                    Duration.ofMinutes(Math.max(1, idleMinutes)))) {
                Runtime.getRuntime().addShutdownHook(new Thread(grading::close, "gradecheck-server-stop"));
                out.println("gradecheck grading server: pid " + grading.endpoint().pid() + " listening on 127.0.0.1:"
                        + grading.endpoint().port() + ", course " + courseRoot);
                out.flush();
                grading.serve();
            }
            out.println("gradecheck grading server stopped");
            return ExitCode.OK.code();
        }

        /**
         * Loads the course and grades its solutions {@value #WARM_UP_GRADINGS} times the way a request does (reports
         * written to {@code warm-up/} in the state folder), so javac and the grader's code are compiled, then waits
         * for the child JVM on standby to warm up.
         */
        private static void warmUp(Graders graders, Path courseRoot, Path stateDirectory) throws CourseException {
            Grader grader = graders.grader(courseRoot);
            Path solutions = grader.courseView().layout().solutionSources();
            if (!Files.isDirectory(solutions)) {
                return;
            }
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            for (int round = 0; round < WARM_UP_GRADINGS; round++) {
                Main.run(new Invocation(courseRoot, graders), discard, discard, "--course", courseRoot.toString(),
                        "grade", solutions.toString(), "--out", stateDirectory.resolve("warm-up").toString());
            }
            grader.awaitStandby(STANDBY_WARM_UP_LIMIT);
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
            PrintWriter out = spec.commandLine().getOut();
            Path folder = server.stateDirectory();
            Optional<ServerEndpoint> endpoint = ServerEndpoint.read(folder);
            if (endpoint.isEmpty()) {
                out.println("no grading server is running (no " + folder.resolve(ServerEndpoint.FILE) + ")");
                return ExitCode.OK.code();
            }
            if (ask(endpoint.get(), ServerProtocol.STOP).isEmpty()) {
                endpoint.get().deleteIfCurrent(folder);
                out.println("the grading server (pid " + endpoint.get().pid() + ") did not answer: removed its stale "
                        + "endpoint file");
                return ExitCode.OK.code();
            }
            Optional<ProcessHandle> process = ProcessHandle.of(endpoint.get().pid());
            if (process.isPresent()) {
                process.get().onExit().get();
            }
            out.println("gradecheck grading server stopped (pid " + endpoint.get().pid() + ")");
            return ExitCode.OK.code();
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
            PrintWriter out = spec.commandLine().getOut();
            Path folder = server.stateDirectory();
            Optional<ServerEndpoint> endpoint = ServerEndpoint.read(folder);
            if (endpoint.isEmpty() || ask(endpoint.get(), ServerProtocol.STATUS, out::println).isEmpty()) {
                out.println("no grading server is running" + endpoint.map(e -> " (pid " + e.pid()
                        + " in the endpoint file does not answer)").orElse(""));
                out.flush();
                return ExitCode.OK.code();
            }
            if (!endpoint.get().build().equals(ServerEndpoint.currentBuild())) {
                out.println("it runs an older build of the grader: bin/grader grades without it until "
                        + "'bin/grader server start' replaces it");
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
