package dev.gradecheck.cluster.cli;

import dev.gradecheck.cluster.ClusterKey;
import dev.gradecheck.cluster.ClusterRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options both cluster commands read: the key file, the address to listen on, the cluster's name. */
final class ClusterArguments {

    @Option(names = "--key", paramLabel = "FILE", description = "The cluster key, shared out of band (mode 0600). "
            + "Default: $XDG_CONFIG_HOME/gradecheck/cluster.key or ~/.config/gradecheck/cluster.key, made by the "
            + "first cluster command when missing.")
    private Path key;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "The one interface and port this member "
            + "listens on (never all interfaces). Default: 127.0.0.1 and, for the batch, port 5701; for a worker a "
            + "free port.")
    private String listen;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "The cluster's name: members of another "
            + "name are not let in. Default: derived from the key, so only key holders know it.")
    private String clusterName;

    @Option(names = "--failure-detection", paramLabel = "SECONDS", hidden = true, description = "How long a member "
            + "may go unheard before it is taken for gone (2..300).")
    private int failureSeconds = 10;

    /** The key, made first when the default file is missing. */
    ClusterKey key() throws ClusterRefused {
        Path file = key != null ? Path.of("").toAbsolutePath().resolve(key)
                : ClusterKey.defaultFile(System.getenv(), Path.of(System.getProperty("user.home")));
        return ClusterKey.loadOrCreate(file);
    }

    String clusterName(ClusterKey clusterKey) {
        return clusterName != null ? clusterName : "gradecheck-" + clusterKey.derivedName("cluster");
    }

    String host() {
        return listen == null ? "127.0.0.1" : split()[0];
    }

    /** The port to listen on: the one given, else {@code fallback}, else (0) one the system says is free. */
    int port(int fallback) {
        int port = listen == null ? fallback : Integer.parseInt(split()[1]);
        return port != 0 ? port : freePort(host());
    }

    Duration failureDetection() {
        return Duration.ofSeconds(failureSeconds);
    }

    private String[] split() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || !listen.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("--listen must be HOST:PORT, as in 10.0.0.1:5701, was '" + listen + "'");
        }
        return new String[] {listen.substring(0, colon), listen.substring(colon + 1)};
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
