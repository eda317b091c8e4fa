package dev.gradecheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.cli.Main;
import dev.gradecheck.testing.RepoCourse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server start}, {@code status} and {@code stop} with a real server JVM in the background. */
class ServerCommandIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void startStatusGradeAndStop(@TempDir Path temp) throws Exception {
        Path state = temp.resolve("state");
        assertEquals(ExitCode.OK, server(state, "status"));
        assertEquals("no grading server is running\n", out());

        assertEquals(ExitCode.OK, server(state, "start", "--idle-minutes", "5"), err());
        assertTrue(out().startsWith("gradecheck grading server ready: pid "), out());
        ServerEndpoint endpoint = ServerEndpoint.read(state).orElseThrow();
        ProcessHandle process = ProcessHandle.of(endpoint.pid()).orElseThrow();
        try {
            assertEquals(ExitCode.OK, server(state, "start"));
            assertEquals("gradecheck grading server already running: pid " + endpoint.pid() + " on 127.0.0.1:"
                    + endpoint.port() + "\n", out(), "a second start finds the first");

            assertEquals(ExitCode.OK, server(state, "status"));
            assertTrue(out().contains("course loaded: " + RepoCourse.root()), out());
            assertTrue(out().contains(", 0 command(s) served,"), out());

            List<String> served = new ArrayList<>();
            GradingRequest request = GradingRequest.grade(temp, RepoCourse.root(),
                    RepoCourse.root().resolve("examples/partial").toString()).withOut(Path.of("reports"));
            OptionalInt code = ServerClient.run(endpoint, request, served::add, served::add);
            assertEquals(OptionalInt.of(0), code, String.join("\n", served));
            assertTrue(served.stream().anyMatch(line -> line.startsWith("Total: 25 / " + RepoCourse.totalText())), String.join("\n", served));
            assertTrue(Files.isRegularFile(temp.resolve("reports/report.json")), "reports land in the caller's folder");
        } finally {
            assertEquals(ExitCode.OK, server(state, "stop"));
            process.destroyForcibly();
        }
        assertEquals("gradecheck grading server stopped (pid " + endpoint.pid() + ")\n", out());
        assertFalse(process.isAlive(), "the server's process has ended");
        assertFalse(Files.exists(state.resolve(ServerEndpoint.FILE)));
        assertEquals(ExitCode.OK, server(state, "stop"));
        assertTrue(out().startsWith("no grading server is running"), out());
    }

    @Test
    void aStaleEndpointIsReportedAndRemoved(@TempDir Path temp) throws Exception {
        Path state = temp.resolve("state");
        new ServerEndpoint(9, "ab".repeat(32), 999_999_999L, "x").write(state);
        assertEquals(ExitCode.OK, server(state, "status"));
        assertEquals("no grading server is running (pid 999999999 in the endpoint file does not answer)\n", out());
        assertEquals(ExitCode.OK, server(state, "stop"));
        assertEquals("the grading server (pid 999999999) did not answer: removed its stale endpoint file\n", out());
        assertFalse(Files.exists(state.resolve(ServerEndpoint.FILE)));
    }

    @Test
    void serverWithoutACommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, Main.run(print(out), print(err), "server"));
        assertTrue(err().startsWith("error: missing server command — start, stop, status or run"), err());
    }

    private ExitCode server(Path state, String... arguments) {
        out.reset();
        err.reset();
        List<String> command = new ArrayList<>(List.of("--course", RepoCourse.root().toString(), "server",
                "--state-dir", state.toString()));
        command.addAll(List.of(arguments));
        return Main.run(print(out), print(err), command.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
