package dev.gradecheck.cluster.hazelcast;

import dev.gradecheck.cluster.ClusterRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** Test members on 127.0.0.1, on ports the system says are free. */
final class Members {

    private Members() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A member of {@code clusterName} on a free loopback port, joining {@code members}. */
    static ClusterMember start(String clusterName, List<String> members) throws ClusterRefused {
        return ClusterMember.start(MemberSettings.loopback(clusterName, freePort(), members));
    }
}
