package dev.gradecheck.server;

import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.report.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grading server's wire format, simple enough for {@code bin/grader} to speak in plain bash.
 *
 * <p>Request, client to server: NUL-terminated UTF-8 fields — {@value #MAGIC}, the token, the verb ({@code run},
 * {@code status} or {@code stop}), the client's absolute working directory, the number of request fields, then each
 * field. A {@code run} request's fields are a typed {@link GradingRequest}: first the task ({@code grade},
 * {@code demo} or {@code verify}), then {@code key=value} fields — {@value #COURSE}, {@value #SUBMISSION},
 * {@value #REF}, {@value #EXERCISE} (repeatable), {@value #OUT}, {@value #REQUIRE_ISOLATION}, {@value #FORMAT}
 * (repeatable, a {@link ReportFormat} id), {@value #GITHUB_OUTPUT}, and
 * {@value #ENVIRONMENT_PREFIX}{@code NAME} for each variable of the client's environment the task reads. The task
 * comes first so that a server of an older build, which read a command line there, still declines with
 * {@value #OUTDATED}. Response, server to client: UTF-8 lines — {@code o} + a line of standard output, {@code e} + a
 * line of standard error, and last {@code x} + the exit code: {@value #OUTDATED} when the server declined to run the
 * request because the grader was rebuilt since it started. A response without its {@code x} line was cut short.
 */
final class ServerProtocol {

    static final String MAGIC = "gradecheck-server-1";
    static final String RUN = "run";
    static final String STATUS = "status";
    static final String STOP = "stop";
    static final Set<String> VERBS = Set.of(RUN, STATUS, STOP);
    /** The exit code of a {@code run} request the server declined because the grader was rebuilt since it started. */
    static final int OUTDATED = 100;
    /** The tasks a client may run in the server. */
    static final Set<String> SERVED_COMMANDS = Arrays.stream(GradingRequest.Task.values()).map(GradingRequest.Task::id)
            .collect(Collectors.toUnmodifiableSet());
    static final String COURSE = "course";
    static final String SUBMISSION = "submission";
    static final String REF = "ref";
    static final String EXERCISE = "exercise";
    static final String OUT = "out";
    static final String REQUIRE_ISOLATION = "require-isolation";
    static final String FORMAT = "format";
    static final String GITHUB_OUTPUT = "github-output";
    static final String SUBMISSION_METADATA = "submission-metadata";
    static final String ENVIRONMENT_PREFIX = "env.";
    private static final Set<String> FIELD_KEYS = Set.of(COURSE, SUBMISSION, REF, EXERCISE, OUT, REQUIRE_ISOLATION,
            FORMAT, GITHUB_OUTPUT, SUBMISSION_METADATA);
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_FIELDS = 1000;

    private ServerProtocol() {
    }

    /** A parsed request: {@code fields} as sent, see the class comment. */
    record Request(String token, String verb, String workingDirectory, List<String> fields) {
    }

    /** Reads one request; {@link IOException} when it is malformed, too large or cut short. */
    static Request read(InputStream in) throws IOException {
        if (!MAGIC.equals(field(in))) {
            throw new IOException("not a gradecheck request");
        }
        String token = field(in);
        String verb = field(in);
        String workingDirectory = field(in);
        int count;
        try {
            count = Integer.parseInt(field(in));
        } catch (NumberFormatException e) {
            throw new IOException("bad field count");
        }
        if (count < 0 || count > MAX_FIELDS) {
            throw new IOException("bad field count " + count);
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(field(in));
        }
        return new Request(token, verb, workingDirectory, fields);
    }

    /** Writes a request (the Java client's side; {@code bin/grader} writes the same with printf). */
    static void write(OutputStream out, Request request) throws IOException {
        List<String> fields = new ArrayList<>(List.of(MAGIC, request.token(), request.verb(),
                request.workingDirectory(), Integer.toString(request.fields().size())));
        fields.addAll(request.fields());
        for (String field : fields) {
            out.write(field.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.flush();
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            if (bytes.size() == MAX_FIELD_BYTES) {
                throw new IOException("a request field is longer than " + MAX_FIELD_BYTES + " bytes");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The task a {@code run} request asks for: its first field; empty when there is none. */
    static String command(List<String> fields) {
        return fields.isEmpty() ? "" : fields.get(0);
    }

    /** The fields of a {@code run} request for {@code request} (its working directory travels in the header). */
    static List<String> fields(GradingRequest request) {
        List<String> fields = new ArrayList<>(List.of(request.task().id()));
        request.course().ifPresent(course -> fields.add(COURSE + "=" + course));
        request.environment().forEach((name, value) -> fields.add(ENVIRONMENT_PREFIX + name + "=" + value));
        request.submission().ifPresent(submission -> fields.add(SUBMISSION + "=" + submission));
        request.ref().ifPresent(ref -> fields.add(REF + "=" + ref));
        request.exercises().forEach(exercise -> fields.add(EXERCISE + "=" + exercise));
        request.out().ifPresent(out -> fields.add(OUT + "=" + out));
        request.requiredIsolation().ifPresent(level -> fields.add(REQUIRE_ISOLATION + "=" + level.id()));
        request.formats().forEach(format -> fields.add(FORMAT + "=" + format.id()));
        request.githubOutput().ifPresent(file -> fields.add(GITHUB_OUTPUT + "=" + file));
        request.submissionMetadata().ifPresent(file -> fields.add(SUBMISSION_METADATA + "=" + file));
        return fields;
    }

    /**
     * The typed request a {@code run} request's fields carry.
     *
     * @throws IllegalArgumentException saying which field is wrong and what it may be
     */
    static GradingRequest gradingRequest(Path workingDirectory, List<String> fields) {
        GradingRequest.Task task = GradingRequest.Task.byId(command(fields)).orElseThrow(() ->
                new IllegalArgumentException("unknown task \"" + command(fields) + "\""));
        Map<String, List<String>> values = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        for (String field : fields.subList(1, fields.size())) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("request field \"" + field + "\" is not key=value");
            }
            String key = field.substring(0, equals);
            String value = field.substring(equals + 1);
            if (key.startsWith(ENVIRONMENT_PREFIX)) {
                environment.put(key.substring(ENVIRONMENT_PREFIX.length()), value);
            } else if (FIELD_KEYS.contains(key)) {
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException("unknown request field \"" + key + "\" — one of "
                        + String.join(", ", FIELD_KEYS.stream().sorted().toList()) + ", " + ENVIRONMENT_PREFIX + "NAME");
            }
        }
        return new GradingRequest(task, workingDirectory, single(values, COURSE).map(Path::of), environment,
                single(values, SUBMISSION), single(values, REF), values.getOrDefault(EXERCISE, List.of()),
                single(values, OUT).map(Path::of), single(values, REQUIRE_ISOLATION).map(ServerProtocol::level),
                values.getOrDefault(FORMAT, List.of()).stream().map(ServerProtocol::format).toList(),
                single(values, GITHUB_OUTPUT).map(Path::of), single(values, SUBMISSION_METADATA).map(Path::of));
    }

    private static ReportFormat format(String id) {
        return ReportFormat.byId(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a report "
                + "format; use one of " + ReportFormat.ids()));
    }

    private static Optional<String> single(Map<String, List<String>> values, String key) {
        List<String> given = values.getOrDefault(key, List.of());
        if (given.size() > 1) {
            throw new IllegalArgumentException("request field \"" + key + "\" is given " + given.size()
                    + " times; it takes one value");
        }
        return given.stream().findFirst();
    }

    private static IsolationLevel level(String id) {
        return IsolationLevel.byId(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not an "
                + "isolation level; use one of " + Arrays.stream(IsolationLevel.values()).map(IsolationLevel::id)
                .collect(Collectors.joining(", "))));
    }

    /**
     * An output stream that sends what is written to it as response lines with one prefix ({@code o} or {@code e}),
     * a line at a time (a flush does not cut a line); {@link #finish()} sends a pending partial line. Thread-safe;
     * the lines of two streams sharing a writer never mix.
     */
    static final class LineSender extends OutputStream {

        private final char prefix;
        private final Writer response;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSender(char prefix, Writer response) {
            this.prefix = prefix;
            this.response = response;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                send();
            } else {
                line.write(b);
            }
        }

        /** Sends what is left of an unfinished last line. */
        synchronized void finish() throws IOException {
            if (line.size() > 0) {
                send();
            }
        }

        private void send() throws IOException {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            synchronized (response) {
                response.write(prefix + text + "\n");
                response.flush();
            }
        }
    }
}
