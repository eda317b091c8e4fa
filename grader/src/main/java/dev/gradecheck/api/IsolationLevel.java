package dev.gradecheck.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How far the child JVM that ran student code was isolated, weakest first. Each level includes the ones before it.
 * {@code bin/grader grade --require-isolation LEVEL} refuses to grade below a level.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum IsolationLevel {
    /** A separate JVM, as the grader's own user: nothing else. */
    PROCESS,
    /** Also no network at all and its own process namespace ({@code unshare}). */
    NETWORK,
    /**
     * Also its own mount namespace (bubblewrap): of the host's files it sees only the JDK, the system libraries and
     * its own class path, read-only; no {@code /proc}; private, size-capped {@code /tmp} and {@code /dev/shm}.
     */
    FILESYSTEM,
    /** Also a user id of its own, which no other child running at the same time has (needs a grader running as root). */
    OWN_USER;

    /** The name used on the command line and in reports: {@code process}, {@code network}, {@code filesystem}, {@code own-user}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The level of this {@link #id()}, if there is one. */
    public static Optional<IsolationLevel> byId(String id) {
        return Arrays.stream(values()).filter(level -> level.id().equals(id)).findFirst();
    }

    /** Whether this level includes {@code other}. */
    public boolean atLeast(IsolationLevel other) {
        return compareTo(other) >= 0;
    }
}
