package dev.gradecheck.server;

import dev.gradecheck.Grader;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.platform.JvmFlags;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What {@code server start}, {@code run}, {@code stop} and {@code status} do, for the command line's thin
 * {@code server} commands: each prints what happened on {@code out} and returns the exit code.
 */
@API(status = API.Status.INTERNAL)
public final class ServerControl {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final int WARM_UP_GRADINGS = 3;
    private static final Duration STANDBY_WARM_UP_LIMIT = Duration.ofSeconds(10);

    private ServerControl() {
    }

    /**
     * The default state folder: {@code server/} beside the grader's jar (or its classes folder), i.e.
     * {@code grader/target/server} of a built course repository, where {@code bin/grader} looks.
     */
    public static Path defaultStateDirectory() {
        return ServerEndpoint.defaultStateDirectory();
    }

    /**
     * Starts a server in the background, in a JVM of its own that runs {@code runCommand} (the main class and the
     * arguments that make it {@link #run} with {@code stateDirectory}), and returns once it answers. A server already
     * running this build is left alone; one of an older build is stopped first.
     */
    public static ExitCode start(Path stateDirectory, List<String> runCommand, int idleMinutes, PrintWriter out)
            throws IOException, InterruptedException {
        Optional<ServerEndpoint> running = ServerEndpoint.read(stateDirectory)
                .filter(endpoint -> ask(endpoint, ServerProtocol.STATUS).isPresent());
        if (running.isPresent() && running.get().build().equals(ServerEndpoint.currentBuild())) {
            out.println("gradecheck grading server already running: pid " + running.get().pid() + " on 127.0.0.1:"
                    + running.get().port());
            return ExitCode.OK;
        }
        if (running.isPresent()) {
            ask(running.get(), ServerProtocol.STOP);
            out.println("stopped the grading server of an older build (pid " + running.get().pid() + ")");
        }
        ServerEndpoint.createPrivateFolder(stateDirectory);
        Path log = stateDirectory.resolve("server.log");
        Process process = new ProcessBuilder(command(runCommand))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        ServerEndpoint ready = awaitReady(stateDirectory, process, running);
        out.println("gradecheck grading server ready: pid " + ready.pid() + " on 127.0.0.1:" + ready.port()
                + " (log: " + log + ")");
        out.println("bin/grader grade, demo and verify now use it; 'bin/grader server stop' stops it, and it stops "
                + "by itself after " + idleMinutes + " idle minutes.");
        return ExitCode.OK;
    }

    /** This JVM's java and class path with the grader's start-up flags, in a session of its own when possible. */
    private static List<String> command(List<String> runCommand) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.shortRun());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(runCommand);
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

    /**
     * The server itself, in the foreground, for {@code courseRoot}: warms up, serves until it is told to stop, idles
     * out or loses its endpoint file, then stops its child JVMs.
     */
    public static ExitCode run(Path stateDirectory, Path courseRoot, int idleMinutes, PrintWriter out)
            throws IOException, CourseException {
        GraderPool graders = new GraderPool();
        warmUp(graders, courseRoot, stateDirectory);
        try (GradingServer grading = GradingServer.open(stateDirectory, graders,
                Duration.ofMinutes(Math.max(1, idleMinutes)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(grading::close, "gradecheck-server-stop"));
            out.println("gradecheck grading server: pid " + grading.endpoint().pid() + " listening on 127.0.0.1:"
                    + grading.endpoint().port() + ", course " + courseRoot);
            out.flush();
            grading.serve();
        }
        out.println("gradecheck grading server stopped");
        return ExitCode.OK;
    }

    /**
     * Loads the course and grades its solutions {@value #WARM_UP_GRADINGS} times the way a request does (reports
     * written to {@code warm-up/} in the state folder), so javac and the grader's code are compiled, then waits for
     * the child JVM on standby to warm up.
     */
    private static void warmUp(GraderPool graders, Path courseRoot, Path stateDirectory) throws CourseException {
        Grader grader = graders.grader(courseRoot);
        Path solutions = grader.courseView().layout().solutionSources();
        if (!Files.isDirectory(solutions)) {
            return;
        }
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        GradingRequest request = GradingRequest.grade(courseRoot, courseRoot, solutions.toString())
                .withOut(stateDirectory.resolve("warm-up"));
        for (int round = 0; round < WARM_UP_GRADINGS; round++) {
            Tasks.run(request, graders, discard, discard);
        }
        grader.awaitStandby(STANDBY_WARM_UP_LIMIT);
    }

    /** Stops the server (a grading under way completes first) and waits for its process to end. */
    public static ExitCode stop(Path stateDirectory, PrintWriter out) throws InterruptedException, ExecutionException {
        Optional<ServerEndpoint> endpoint = ServerEndpoint.read(stateDirectory);
        if (endpoint.isEmpty()) {
            out.println("no grading server is running (no " + stateDirectory.resolve(ServerEndpoint.FILE) + ")");
            return ExitCode.OK;
        }
        if (ask(endpoint.get(), ServerProtocol.STOP).isEmpty()) {
            endpoint.get().deleteIfCurrent(stateDirectory);
            out.println("the grading server (pid " + endpoint.get().pid() + ") did not answer: removed its stale "
                    + "endpoint file");
            return ExitCode.OK;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(endpoint.get().pid());
        if (process.isPresent()) {
            process.get().onExit().get();
        }
        out.println("gradecheck grading server stopped (pid " + endpoint.get().pid() + ")");
        return ExitCode.OK;
    }

    /** Says whether a server runs, what it has loaded, and whether it is of an older build. */
    public static ExitCode status(Path stateDirectory, PrintWriter out) {
        Optional<ServerEndpoint> endpoint = ServerEndpoint.read(stateDirectory);
        if (endpoint.isEmpty() || ask(endpoint.get(), ServerProtocol.STATUS, out::println).isEmpty()) {
            out.println("no grading server is running" + endpoint.map(e -> " (pid " + e.pid()
                    + " in the endpoint file does not answer)").orElse(""));
            out.flush();
            return ExitCode.OK;
        }
        if (!endpoint.get().build().equals(ServerEndpoint.currentBuild())) {
            out.println("it runs an older build of the grader: bin/grader grades without it until "
                    + "'bin/grader server start' replaces it");
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Sends a status or stop request; the exit code, or empty when the server does not answer. */
    private static OptionalInt ask(ServerEndpoint endpoint, String verb, Consumer<String> lines) {
        return ServerClient.call(endpoint, verb, "/", List.of(), lines, lines);
    }

    private static OptionalInt ask(ServerEndpoint endpoint, String verb) {
        return ask(endpoint, verb, line -> { });
    }
}
