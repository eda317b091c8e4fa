package dev.gradecheck.cluster.hazelcast;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import dev.gradecheck.cluster.ClusterRefused;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * One embedded Hazelcast member of a batch's cluster, locked down as far as the Community Edition allows, since it
 * has no member authentication: TCP/IP join with the explicit member list only (multicast, auto-detection and every
 * cloud discovery off), bound to the one interface given (never to all), a member endpoint and no client endpoint (no
 * Hazelcast client can connect), Java deserialization refused for every class but the JDK's and Hazelcast's own (the
 * queue holds byte arrays only), phone-home and the shutdown hook off, Hazelcast's own logging through the JDK's at
 * SEVERE. A member of another cluster name is not let in. What it still cannot stop — a member that knows the name
 * and reaches the port — the signatures of {@link dev.gradecheck.cluster.Envelopes} do: it can read what is queued,
 * forge nothing. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ClusterMember implements AutoCloseable {

    /** Held so the level sticks: the JDK keeps loggers weakly. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    static {
        HAZELCAST_LOG.setLevel(Level.SEVERE);
    }

    private final HazelcastInstance instance;
    private final MemberSettings settings;

    private ClusterMember(HazelcastInstance instance, MemberSettings settings) {
        this.instance = instance;
        this.settings = settings;
    }

    /**
     * Starts a member with {@code settings} and joins the members it names (when one of them is up).
     *
     * @throws ClusterRefused when the member cannot start (the port is taken, the interface
     *         is not this machine's)
     */
    public static ClusterMember start(MemberSettings settings) throws ClusterRefused {
        Objects.requireNonNull(settings, "settings");
        try {
            return new ClusterMember(Hazelcast.newHazelcastInstance(config(settings)), settings);
        } catch (HazelcastException | IllegalStateException e) {
            throw new ClusterRefused("cannot start a cluster member on " + settings.address()
                    + ": " + e.getMessage() + "; is the port free and the address one of this machine's?", e);
        }
    }

    /** The configuration {@link #start} uses: what the security section of docs/cluster.md describes. */
    static Config config(MemberSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("gradecheck-" + settings.clusterName() + "-" + settings.port());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.server.bind.any", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds",
                Long.toString(settings.failureDetection().toSeconds()));
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.join.seconds", "10");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "10");
        config.setProperty("hazelcast.partition.count", "31");
        // Hazelcast sends its own exceptions Java-serialized (a migrating partition, a member gone): those stay
        // allowed, with the JDK's, less Hazelcast's default list of known gadget classes. Nothing of ours or of a
        // library is ever Java-serialized: the structures hold byte arrays.
        config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                .setWhitelist(new ClassFilter().addPrefixes("com.hazelcast.", "java.")));
        config.setAdvancedNetworkConfig(network(settings));
        return config;
    }

    private static AdvancedNetworkConfig network(MemberSettings settings) {
        AdvancedNetworkConfig network = new AdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
        member.setPort(settings.port()).setPortAutoIncrement(false).setPortCount(1);
        member.setInterfaces(new InterfacesConfig().setEnabled(true).addInterface(settings.bindHost()));
        member.setPublicAddress(settings.address());
        network.setMemberEndpointConfig(member);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.members());
        return network;
    }

    /** The Hazelcast instance, for the queue. */
    public HazelcastInstance instance() {
        return instance;
    }

    /** This member's id in the cluster (its UUID). */
    public String memberId() {
        return instance.getCluster().getLocalMember().getUuid().toString();
    }

    /** How many members the cluster has, as this member sees it. */
    public int clusterSize() {
        return instance.getCluster().getMembers().size();
    }

    /** Whether the member with id {@code memberId} is in the cluster, as this member sees it. */
    public boolean hasMember(String memberId) {
        return instance.getLifecycleService().isRunning() && instance.getCluster().getMembers().stream()
                .anyMatch(member -> member.getUuid().toString().equals(memberId));
    }

    /** Where this member listens. */
    public MemberSettings settings() {
        return settings;
    }

    /**
     * Waits until the cluster has {@code size} members, up to {@code wait}.
     *
     * @return whether it has
     */
    public boolean awaitClusterSize(int size, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (clusterSize() < size) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Stops at once, as a killed process would: no hand-over of its data (the others keep their backups). */
    public void terminate() {
        instance.getLifecycleService().terminate();
    }

    /** Leaves the cluster, handing its data over first. */
    @Override
    public void close() {
        if (instance.getLifecycleService().isRunning()) {
            instance.shutdown();
        }
    }
}
