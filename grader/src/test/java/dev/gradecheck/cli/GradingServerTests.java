package dev.gradecheck.cli;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static dev.gradecheck.testing.ReportChecks.withoutTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real grading server in this JVM, spoken to by bin/grader's bash client ({@code bin/lib/server-client.bash}) in
 * a real bash process, and by the Java client.
 */
class GradingServerTests {

    @TempDir
    static Path temp;

    private static Path state;
    private static GradingServer server;
    private static Thread serving;

    @BeforeAll
    static void startAServer() throws IOException {
        state = temp.resolve("state");
        server = GradingServer.open(state, new Graders.Kept(), Duration.ofMinutes(10));
        serving = serveInBackground(server);
    }

    private static Thread serveInBackground(GradingServer grading) {
        Thread thread = new Thread(() -> {
            try {
                grading.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    @AfterAll
    static void stopRequestEndsTheServerAndItsChildren() throws Exception {
        List<String> out = new ArrayList<>();
        OptionalInt code = ServerClient.call(server.endpoint(), ServerProtocol.STOP, "/", List.of(), out::add, out::add);
        assertEquals(OptionalInt.of(0), code);
        assertEquals(List.of("gradecheck grading server (pid " + ProcessHandle.current().pid() + ") stopping"), out);
        serving.join(10_000);
        assertFalse(serving.isAlive(), "serve() returns after a stop request");
        server.close();
        assertFalse(Files.exists(state.resolve(ServerEndpoint.FILE)), "the endpoint file is removed");
        assertNoProcessLeftBehind();
    }

    @Test
    void theEndpointFileIsPrivate() throws IOException {
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve(ServerEndpoint.FILE))));
        assertEquals(server.endpoint(), ServerEndpoint.read(state).orElseThrow());
    }

    @Test
    void gradesThroughTheBashClientInTheCallersFolderWithTheReportsOfAOneOffRun() throws Exception {
        Path caller = Files.createDirectories(temp.resolve("caller"));
        Path partial = RepoCourse.root().resolve("examples/partial");
        Client served = bash(caller, state, "grade", partial.toString(), "--out", "reports");
        assertEquals(0, served.code(), served.err());
        assertTrue(served.out().startsWith("Graded " + partial + "\n"), served.out());
        assertTrue(served.out().contains("Total: 25 / " + RepoCourse.totalText()), served.out());
        assertTrue(served.out().contains(caller.resolve("reports/report.json").toString()), served.out());

        ByteArrayOutputStream oneOff = new ByteArrayOutputStream();
        ExitCode local = Main.run(print(oneOff), print(new ByteArrayOutputStream()), "--course",
                RepoCourse.root().toString(), "grade", partial.toString(), "--out", temp.resolve("one-off").toString());
        assertEquals(ExitCode.OK, local);
        for (String report : List.of("report.json", "results.json")) {
            assertEquals(withoutTimes(Files.readString(temp.resolve("one-off").resolve(report))),
                    withoutTimes(Files.readString(caller.resolve("reports").resolve(report))), report);
        }
    }

    @Test
    void errorsAndExitCodesPassThrough() throws Exception {
        Client served = bash(temp, state, "grade", "no-such-folder", "--out", temp.resolve("refused").toString());
        assertEquals(ExitCode.USAGE.code(), served.code());
        assertTrue(served.err().startsWith("error: Submission not found: " + temp.resolve("no-such-folder")),
                served.err());
        assertEquals("", served.out());
        assertTrue(Files.readString(temp.resolve("refused/report.json")).contains("\"status\": \"refused\""),
                "the server writes the refusal's report too");
    }

    @Test
    void aServerOfAnOlderBuildOrNoServerIsNotUsed() throws Exception {
        Path oldState = temp.resolve("old-state");
        GradingServer old = GradingServer.open(oldState, new Graders.Kept(), Duration.ofMinutes(1), "1-2");
        Thread oldServing = serveInBackground(old);
        try {
            Client outdated = bash(temp, oldState, "grade", "anything");
            assertEquals(ServerProtocol.OUTDATED, outdated.code());
            assertTrue(outdated.err().contains("runs an older build of the grader than the one now built, so grading "
                    + "without it"), outdated.err());
        } finally {
            ServerClient.call(old.endpoint(), ServerProtocol.STOP, "/", List.of(), line -> { }, line -> { });
            oldServing.join(10_000);
            old.close();
        }
        Client none = bash(temp, temp.resolve("no-state"), "grade", "anything");
        assertEquals(ServerProtocol.OUTDATED, none.code());
        assertEquals("", none.err());
    }

    @Test
    void onlyGradeDemoAndVerifyAreServed() {
        List<String> err = new ArrayList<>();
        OptionalInt code = ServerClient.call(server.endpoint(), ServerProtocol.RUN, temp.toString(),
                List.of("--course", RepoCourse.root().toString(), "server", "stop"), line -> { }, err::add);
        assertEquals(OptionalInt.of(ExitCode.USAGE.code()), code);
        assertEquals(List.of("gradecheck server: it runs demo, grade, verify — not \"server\"; run that without the "
                + "server"), err);
    }

    @Test
    void aRequestWithoutTheTokenIsRefused() {
        ServerEndpoint forged = new ServerEndpoint(server.endpoint().port(), "0".repeat(64), 1, "x");
        List<String> err = new ArrayList<>();
        OptionalInt code = ServerClient.call(forged, ServerProtocol.STATUS, "/", List.of(), line -> { }, err::add);
        assertEquals(OptionalInt.of(ExitCode.USAGE.code()), code);
        assertTrue(err.get(0).startsWith("gradecheck server: the request did not carry this server's token"), err.get(0));
    }

    @Test
    void statusSaysWhatRuns() {
        List<String> out = new ArrayList<>();
        OptionalInt code = ServerClient.call(server.endpoint(), ServerProtocol.STATUS, "/", List.of(), out::add,
                out::add);
        assertEquals(OptionalInt.of(0), code);
        assertTrue(out.get(0).startsWith("gradecheck grading server: pid " + ProcessHandle.current().pid()
                + ", 127.0.0.1:" + server.endpoint().port()), out.get(0));
    }

    /** What a client process printed and returned. */
    record Client(int code, String out, String err) {
    }

    /** Runs the bash client in {@code folder}: {@code gradecheck_via_server STATE COURSE ARGS...}. */
    private static Client bash(Path folder, Path stateFolder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", ". \"$1\"; shift; gradecheck_via_server \"$@\"",
                "client", RepoCourse.root().resolve("bin/lib/server-client.bash").toString(), stateFolder.toString(),
                RepoCourse.root().toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the client did not finish");
        return new Client(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
