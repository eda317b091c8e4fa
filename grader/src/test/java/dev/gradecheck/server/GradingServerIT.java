package dev.gradecheck.server;

import static dev.gradecheck.testing.ReportChecks.assertNoProcessLeftBehind;
import static dev.gradecheck.testing.ReportChecks.withoutTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.cli.Main;
import dev.gradecheck.report.ReportFormat;
import dev.gradecheck.testing.RepoCourse;
import dev.gradecheck.testing.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class GradingServerIT {

    @TempDir
    static Path temp;

    private static Path state;
    private static GradingServer server;
    private static Thread serving;

    @BeforeAll
    static void startAServer() throws IOException {
        state = temp.resolve("state");
        server = GradingServer.open(state, new GraderPool(), Duration.ofMinutes(10));
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
    void theBashClientSendsTheFormatsAndTheCallersGithubOutput() throws Exception {
        Path caller = Files.createDirectories(temp.resolve("format-caller"));
        Path partial = RepoCourse.root().resolve("examples/partial");
        Client served = bashWith(caller, state, Map.of("GITHUB_OUTPUT", "step-output"), "grade", partial.toString(),
                "--format", "junit-xml", "--format", "classroom", "--out", "reports");
        assertEquals(0, served.code(), served.err());
        try (var files = Files.list(caller.resolve("reports"))) {
            assertEquals(List.of("classroom-result.json", "junit.xml"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        String step = Files.readString(caller.resolve("step-output"));
        assertEquals(Files.readString(caller.resolve("reports/classroom-result.json")), new String(
                Base64.getDecoder().decode(step.strip().substring("result=".length())), StandardCharsets.UTF_8),
                "the caller's GITHUB_OUTPUT, against the caller's folder, gets the step output");

        Client refused = bash(caller, state, "grade", "no-such-folder", "--format", "prairielearn",
                "--github-output", "unused", "--out", "refused");
        assertEquals(ExitCode.USAGE.code(), refused.code());
        assertTrue(Files.readString(caller.resolve("refused/prairielearn-results.json"))
                .contains("Not graded: Submission not found"), "a served refusal is written in the format asked for");
        assertFalse(Files.exists(caller.resolve("refused/report.json")));
        assertFalse(Files.exists(caller.resolve("unused")), "no step output without --format classroom");
    }

    @Test
    void theSubmissionMetadataFieldRoundTrips() {
        GradingRequest request = GradingRequest.grade(temp, temp, "sub");
        request = new GradingRequest(request.task(), request.workingDirectory(), request.course(),
                request.environment(), request.submission(), request.ref(), request.exercises(), request.out(),
                request.requiredIsolation(), request.formats(), request.githubOutput(),
                Optional.of(Path.of("submission_metadata.json")));
        assertEquals(request, ServerProtocol.gradingRequest(temp, ServerProtocol.fields(request)));
    }

    @Test
    void theFormatFieldsRoundTripAndAnUnknownFormatIsNamed() {
        GradingRequest request = GradingRequest.grade(temp, temp, "sub")
                .withFormats(List.of(ReportFormat.JUNIT_XML, ReportFormat.CLASSROOM));
        request = new GradingRequest(request.task(), request.workingDirectory(), request.course(),
                request.environment(), request.submission(), request.ref(), request.exercises(), request.out(),
                request.requiredIsolation(), request.formats(), Optional.of(Path.of("out.txt")));
        assertEquals(request, ServerProtocol.gradingRequest(temp, ServerProtocol.fields(request)));
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ServerProtocol.gradingRequest(temp,
                        List.of("grade", "submission=sub", "format=moodle")));
        assertEquals("'moodle' is not a report format; use one of " + ReportFormat.ids(), unknown.getMessage());
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
        GradingServer old = GradingServer.open(oldState, new GraderPool(), Duration.ofMinutes(1), "1-2");
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
    void findsTheCourseFromTheClientsGradecheckCourseNotTheServers() throws Exception {
        Path course = TinyCourse.write(temp.resolve("client-course"));
        Path caller = Files.createDirectories(temp.resolve("outside-any-course"));
        GradingRequest request = new GradingRequest(GradingRequest.Task.GRADE, caller, Optional.empty(),
                Map.of("GRADECHECK_COURSE", course.toString(), "HOME", "/nowhere"),
                Optional.of(course.resolve("solutions/src/main/java").toString()), Optional.empty(), List.of(),
                Optional.of(Path.of("reports")), Optional.empty());
        List<String> lines = new ArrayList<>();
        OptionalInt code = ServerClient.run(server.endpoint(), request, lines::add, lines::add);
        // This JVM's own environment cannot name a course written just now: a server that read it finds none.
        assertEquals(OptionalInt.of(0), code, String.join("\n", lines));
        assertTrue(Files.readString(caller.resolve("reports/report.json")).contains("\"calc\""),
                "graded against the client's course");
        List<String> status = new ArrayList<>();
        ServerClient.call(server.endpoint(), ServerProtocol.STATUS, "/", List.of(), status::add, status::add);
        assertTrue(status.contains("  course loaded: " + course.toAbsolutePath().normalize()), status.toString());
    }

    @Test
    void theBashClientSendsTheCallersGradecheckCourse() throws Exception {
        Path caller = Files.createDirectories(temp.resolve("bash-caller"));
        Client served = bashWith(caller, state, Map.of("GRADECHECK_COURSE", "/somewhere/else"), "grade",
                RepoCourse.root().resolve("examples/partial").toString(), "--out", "reports");
        assertEquals(0, served.code(), served.err());
        assertTrue(served.out().contains("Total: 25 / " + RepoCourse.totalText()), served.out());
    }

    @Test
    void aServedGradingThatBreaksWritesTheLastResortReportsMessageAndExitCodeOfAOneOffRun() throws Exception {
        Path course = TinyCourse.write(temp.resolve("broken-course"));
        TinyCourse.file(course, "exercises/calc/exercise.json",
                TinyCourse.MANIFEST.replace("\"timeoutMillis\": 5000", "\"timeoutMillis\": 0"));
        String submission = course.resolve("solutions/src/main/java").toString();
        Path caller = Files.createDirectories(temp.resolve("broken-caller"));
        GradingRequest request = new GradingRequest(GradingRequest.Task.GRADE, caller, Optional.of(course), Map.of(),
                Optional.of(submission), Optional.empty(), List.of(), Optional.of(Path.of("served")), Optional.empty());
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        OptionalInt code = ServerClient.run(server.endpoint(), request, out::add, err::add);

        ByteArrayOutputStream oneOffOut = new ByteArrayOutputStream();
        ByteArrayOutputStream oneOffErr = new ByteArrayOutputStream();
        ExitCode local = Main.run(print(oneOffOut), print(oneOffErr), "--course", course.toString(), "grade",
                submission, "--out", caller.resolve("one-off").toString());
        assertEquals(ExitCode.INVALID_SUITE, local, oneOffErr.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalInt.of(local.code()), code, String.join("\n", err));
        assertTrue(err.get(0).startsWith("error: invalid exercise suite: exercises/calc/exercise.json: "
                + "\"timeoutMillis\""), err.toString());
        assertTrue(err.contains("Nothing was graded; the reports say why (score 0):"), err.toString());
        assertEquals(oneOffErr.toString(StandardCharsets.UTF_8).replace(caller.resolve("one-off").toString(),
                caller.resolve("served").toString()), String.join("\n", err) + "\n");
        assertEquals(List.of(), out);
        assertEquals("", oneOffOut.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(caller.resolve("served/report.json")).contains("\"status\": \"failed\""),
                "the server writes the last-resort report.json");
        for (String report : List.of("report.json", "results.json")) {
            assertEquals(withoutTimes(Files.readString(caller.resolve("one-off").resolve(report))),
                    withoutTimes(Files.readString(caller.resolve("served").resolve(report))), report);
        }
    }

    @Test
    void aRequestFieldTheServerDoesNotKnowIsAUsageError() {
        List<String> err = new ArrayList<>();
        OptionalInt code = ServerClient.call(server.endpoint(), ServerProtocol.RUN, temp.toString(),
                List.of("demo", "course=" + RepoCourse.root(), "shell=rm -rf /"), line -> { }, err::add);
        assertEquals(OptionalInt.of(ExitCode.USAGE.code()), code);
        assertTrue(err.get(0).startsWith("gradecheck server: unknown request field \"shell\""), err.toString());
    }

    @Test
    void onlyGradeDemoAndVerifyAreServed() {
        List<String> err = new ArrayList<>();
        OptionalInt code = ServerClient.call(server.endpoint(), ServerProtocol.RUN, temp.toString(),
                List.of("server", "course=" + RepoCourse.root()), line -> { }, err::add);
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
        return bashWith(folder, stateFolder, Map.of(), arguments);
    }

    /** As {@link #bash}, with {@code environment} added to the client's environment. */
    private static Client bashWith(Path folder, Path stateFolder, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", ". \"$1\"; shift; gradecheck_via_server \"$@\"",
                "client", RepoCourse.root().resolve("bin/lib/server-client.bash").toString(), stateFolder.toString(),
                RepoCourse.root().toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the client did not finish");
        return new Client(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
