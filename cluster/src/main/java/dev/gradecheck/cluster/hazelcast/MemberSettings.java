package dev.gradecheck.cluster.hazelcast;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Where a cluster member listens and whom it joins.
 *
 * @param clusterName      the batch's cluster name (members of another name do not join), 1..64 of
 *                         {@code [A-Za-z0-9._-]}
 * @param bindHost         the one interface the member binds to and is reached at (default {@code 127.0.0.1})
 * @param port             its port, 1..65535, no auto-increment: a port in use is an error, not a surprise
 * @param members          {@code HOST:PORT} of the members to join (may include this one); none for the first
 * @param failureDetection how long a member may go unheard before it is taken for gone, 2 s .. 5 min
 */
@API(status = API.Status.EXPERIMENTAL)
public record MemberSettings(String clusterName, String bindHost, int port, List<String> members,
        Duration failureDetection) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s:,]+:\\d{1,5}");

    public MemberSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(failureDetection, "failureDetection");
        members = List.copyOf(members);
        if (!NAME.matcher(clusterName).matches()) {
            throw new IllegalArgumentException("the cluster name must be 1..64 letters, digits, '.', '_' or '-', was '"
                    + clusterName + "'");
        }
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("the interface to bind to is blank; give an address such as 127.0.0.1");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be 1..65535, was " + port);
        }
        for (String member : members) {
            if (!ADDRESS.matcher(member).matches()) {
                throw new IllegalArgumentException("a member must be HOST:PORT (as in 10.0.0.5:5701), was '"
                        + member + "'");
            }
        }
        if (failureDetection.compareTo(Duration.ofSeconds(2)) < 0
                || failureDetection.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("failureDetection must be 2 s .. 5 min, was " + failureDetection);
        }
    }

    /** A member of {@code clusterName} on 127.0.0.1:{@code port} joining {@code members}, gone after 10 s unheard. */
    public static MemberSettings loopback(String clusterName, int port, List<String> members) {
        return new MemberSettings(clusterName, "127.0.0.1", port, members, Duration.ofSeconds(10));
    }

    /** This member's own {@code HOST:PORT}. */
    public String address() {
        return bindHost + ":" + port;
    }
}
