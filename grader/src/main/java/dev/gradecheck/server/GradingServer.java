package dev.gradecheck.server;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long-lived grader that {@code bin/grader} hands its {@code grade}, {@code demo} and {@code verify} tasks to, as
 * typed {@link GradingRequest}s (see {@link ServerProtocol}): run in this JVM by {@link Tasks} with the caller's
 * working directory and environment, their output sent back line by line. Warm javac, parsed course and child JVMs on standby make a grading several times
 * faster than a fresh process.
 *
 * <p>It listens on 127.0.0.1 only, and serves a request only with the token from its endpoint file, which only the
 * user who started it can read. Child JVMs run in a network namespace of their own where isolation is available, so
 * student code does not reach the server at all. It stops on a {@code stop} request, when it has been idle for the
 * idle limit, when its endpoint file is removed or taken over by another server, or on SIGTERM; child JVMs on standby
 * stop with it. Reports are written by this process, as by a one-off grader.
 */
final class GradingServer implements AutoCloseable {

    private static final int ACCEPT_POLL_MILLIS = 1000;
    private static final int REQUEST_READ_MILLIS = 30_000;
    /** Longer than a sandbox job's default wall-clock cap, so a grading under way when asked to stop completes. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(11);

    private final ServerSocket socket;
    private final ServerEndpoint endpoint;
    private final Path stateDirectory;
    private final GraderPool graders;
    private final Duration idleLimit;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong lastActiveNanos = new AtomicLong(System.nanoTime());
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private GradingServer(ServerSocket socket, ServerEndpoint endpoint, Path stateDirectory, GraderPool graders,
                          Duration idleLimit) {
        this.socket = socket;
        this.endpoint = endpoint;
        this.stateDirectory = stateDirectory;
        this.graders = graders;
        this.idleLimit = idleLimit;
    }

    /** Listens on a free port of 127.0.0.1 and publishes the endpoint in {@code stateDirectory}. */
    static GradingServer open(Path stateDirectory, GraderPool graders, Duration idleLimit) throws IOException {
        return open(stateDirectory, graders, idleLimit, ServerEndpoint.currentBuild());
    }

    /** As {@link #open(Path, GraderPool, Duration)}, for a server that says it runs {@code build}. */
    static GradingServer open(Path stateDirectory, GraderPool graders, Duration idleLimit, String build)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(ACCEPT_POLL_MILLIS);
            byte[] token = new byte[32];
            new SecureRandom().nextBytes(token);
            ServerEndpoint endpoint = new ServerEndpoint(socket.getLocalPort(), HexFormat.of().formatHex(token),
                    ProcessHandle.current().pid(), build);
            endpoint.write(stateDirectory);
            return new GradingServer(socket, endpoint, stateDirectory, graders, idleLimit);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    ServerEndpoint endpoint() {
        return endpoint;
    }

    /** Serves requests until the server is told to stop, idles out or loses its endpoint file. */
    void serve() throws IOException {
        while (!stopping.get()) {
            try {
                Socket client = socket.accept();
                Thread handler = new Thread(() -> handle(client), "gradecheck-server-request");
                handler.setDaemon(true);
                handler.start();
            } catch (SocketTimeoutException idle) {
                if (idledOut() || !endpointIsOurs()) {
                    stopping.set(true);
                }
            } catch (IOException e) {
                if (!stopping.get()) {
                    throw e;
                }
            }
        }
    }

    private boolean idledOut() {
        return active.get() == 0 && System.nanoTime() - lastActiveNanos.get() > idleLimit.toNanos();
    }

    private boolean endpointIsOurs() {
        return ServerEndpoint.read(stateDirectory).filter(endpoint::equals).isPresent();
    }

    private void handle(Socket client) {
        active.incrementAndGet();
        try (client) {
            client.setSoTimeout(REQUEST_READ_MILLIS);
            ServerProtocol.Request request = ServerProtocol.read(new BufferedInputStream(client.getInputStream()));
            client.setSoTimeout(0);
            Writer response = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(),
                    StandardCharsets.UTF_8));
            int code = answer(request, response);
            response.write("x" + code + "\n");
            response.flush();
        } catch (IOException e) {
            // A client that hung up or sent no valid request: nothing to answer.
        } finally {
            lastActiveNanos.set(System.nanoTime());
            active.decrementAndGet();
        }
    }

    private int answer(ServerProtocol.Request request, Writer response) throws IOException {
        ServerProtocol.LineSender outLines = new ServerProtocol.LineSender('o', response);
        ServerProtocol.LineSender errLines = new ServerProtocol.LineSender('e', response);
        PrintStream out = new PrintStream(outLines, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errLines, true, StandardCharsets.UTF_8);
        try {
            if (!MessageDigest.isEqual(request.token().getBytes(StandardCharsets.UTF_8),
                    endpoint.token().getBytes(StandardCharsets.UTF_8))) {
                err.println("gradecheck server: the request did not carry this server's token — read it from "
                        + stateDirectory.resolve(ServerEndpoint.FILE));
                return ExitCode.USAGE.code();
            }
            return switch (request.verb()) {
                case ServerProtocol.RUN -> run(request, out, err);
                case ServerProtocol.STATUS -> status(out);
                case ServerProtocol.STOP -> stop(out);
                default -> {
                    err.println("gradecheck server: unknown request \"" + request.verb() + "\" — one of "
                            + String.join(", ", ServerProtocol.VERBS));
                    yield ExitCode.USAGE.code();
                }
            };
        } finally {
            out.flush();
            err.flush();
            outLines.finish();
            errLines.finish();
        }
    }

    private int run(ServerProtocol.Request request, PrintStream out, PrintStream err) {
        String command = ServerProtocol.command(request.fields());
        if (!ServerProtocol.SERVED_COMMANDS.contains(command)) {
            err.println("gradecheck server: it runs " + String.join(", ", ServerProtocol.SERVED_COMMANDS.stream()
                    .sorted().toList()) + " — not \"" + command + "\"; run that without the server");
            return ExitCode.USAGE.code();
        }
        if (!ServerEndpoint.currentBuild().equals(endpoint.build())) {
            err.println("bin/grader: the grading server (pid " + endpoint.pid() + ") runs an older build of the grader "
                    + "than the one now built, so grading without it; 'bin/grader server start' replaces it.");
            return ServerProtocol.OUTDATED;
        }
        Optional<Path> workingDirectory = absolutePath(request.workingDirectory());
        if (workingDirectory.isEmpty()) {
            err.println("gradecheck server: the working directory must be an absolute path, was \""
                    + request.workingDirectory() + "\"");
            return ExitCode.USAGE.code();
        }
        GradingRequest grading;
        try {
            grading = ServerProtocol.gradingRequest(workingDirectory.get(), request.fields());
        } catch (IllegalArgumentException e) {
            err.println("gradecheck server: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        served.incrementAndGet();
        PrintWriter outText = new PrintWriter(out, true);
        PrintWriter errText = new PrintWriter(err, true);
        return Tasks.run(grading, graders, outText, errText).code();
    }

    private static Optional<Path> absolutePath(String text) {
        try {
            return Optional.of(Path.of(text)).filter(Path::isAbsolute);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private int status(PrintStream out) {
        long upSeconds = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
        out.printf(Locale.ROOT, "gradecheck grading server: pid %d, 127.0.0.1:%d, up %d s, %d command(s) served, "
                        + "stops after %d min idle%n", endpoint.pid(), endpoint.port(), upSeconds, served.get(),
                idleLimit.toMinutes());
        graders.courses().forEach(course -> out.println("  course loaded: " + course));
        return ExitCode.OK.code();
    }

    private int stop(PrintStream out) {
        out.println("gradecheck grading server (pid " + endpoint.pid() + ") stopping");
        stopping.set(true);
        return ExitCode.OK.code();
    }

    /**
     * Stops listening, removes the endpoint file (if still ours), lets the requests being served finish (up to
     * {@link #DRAIN_LIMIT}) and stops the child JVMs on standby.
     */
    @Override
    public void close() {
        stopping.set(true);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        endpoint.deleteIfCurrent(stateDirectory);
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (active.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        graders.close();
    }
}
