package dev.gradecheck.server;

import dev.gradecheck.app.GradingRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** The Java side of {@link ServerProtocol}, for {@code server stop} and {@code server status}. */
final class ServerClient {

    private static final int CONNECT_MILLIS = 2000;

    private ServerClient() {
    }

    /** Has the server run {@code request}; as {@link #call}. */
    static OptionalInt run(ServerEndpoint endpoint, GradingRequest request, Consumer<String> out,
                           Consumer<String> err) {
        return call(endpoint, ServerProtocol.RUN, request.workingDirectory().toString(), ServerProtocol.fields(request),
                out, err);
    }

    /**
     * Sends one request and hands the response's output and error lines to {@code out} and {@code err}; the exit
     * code, or empty when the server cannot be reached or its answer was cut short.
     */
    static OptionalInt call(ServerEndpoint endpoint, String verb, String workingDirectory, List<String> fields,
                            Consumer<String> out, Consumer<String> err) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), CONNECT_MILLIS);
            ServerProtocol.write(socket.getOutputStream(),
                    new ServerProtocol.Request(endpoint.token(), verb, workingDirectory, fields));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = response.readLine(); line != null; line = response.readLine()) {
                if (line.startsWith("o")) {
                    out.accept(line.substring(1));
                } else if (line.startsWith("e")) {
                    err.accept(line.substring(1));
                } else if (line.startsWith("x")) {
                    return OptionalInt.of(Integer.parseInt(line.substring(1).strip()));
                }
            }
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
