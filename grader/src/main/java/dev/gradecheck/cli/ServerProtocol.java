package dev.gradecheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The grading server's wire format, simple enough for {@code bin/grader} to speak in plain bash.
 *
 * <p>Request, client to server: NUL-terminated UTF-8 fields — {@value #MAGIC}, the token, the verb ({@code run},
 * {@code status} or {@code stop}), the client's absolute working directory, the number of arguments, then each
 * argument. Response, server to client: UTF-8 lines — {@code o} + a line of standard output, {@code e} + a line of
 * standard error, and last {@code x} + the exit code: {@value #OUTDATED} when the server declined to run the command
 * line because the grader was rebuilt since it started. A response without its {@code x} line was cut short.
 */
final class ServerProtocol {

    static final String MAGIC = "gradecheck-server-1";
    static final String RUN = "run";
    static final String STATUS = "status";
    static final String STOP = "stop";
    static final Set<String> VERBS = Set.of(RUN, STATUS, STOP);
    /** The exit code of a {@code run} request the server declined because the grader was rebuilt since it started. */
    static final int OUTDATED = 100;
    /** The commands a client may run in the server. */
    static final Set<String> SERVED_COMMANDS = Set.of("grade", "demo", "verify");
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_ARGUMENTS = 1000;

    private ServerProtocol() {
    }

    /** A parsed request. */
    record Request(String token, String verb, String workingDirectory, List<String> arguments) {
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
            throw new IOException("bad argument count");
        }
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("bad argument count " + count);
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arguments.add(field(in));
        }
        return new Request(token, verb, workingDirectory, arguments);
    }

    /** Writes a request (the Java client's side; {@code bin/grader} writes the same with printf). */
    static void write(OutputStream out, Request request) throws IOException {
        List<String> fields = new ArrayList<>(List.of(MAGIC, request.token(), request.verb(),
                request.workingDirectory(), Integer.toString(request.arguments().size())));
        fields.addAll(request.arguments());
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

    /**
     * The command a {@code run} request asks for: its first argument that is neither an option nor the value of
     * {@code --course}; empty when there is none.
     */
    static String command(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--course")) {
                i++;
            } else if (!argument.startsWith("-")) {
                return argument;
            }
        }
        return "";
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
