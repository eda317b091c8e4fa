package dev.gradecheck.api;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which isolation was in force for the child JVM that ran student code. Recorded in every report.
 *
 * @param separateJvm always true: student code never runs in the grader's JVM
 * @param networkNamespace the child ran in a new, empty network namespace (no network at all)
 * @param user the user the child ran as, e.g. {@code nobody}, or the grader's own user name
 * @param unprivileged true when {@code user} differs from a root grader
 * @param notes why an isolation layer was not used, e.g. {@code unshare: not permitted}
 * @param level the level reached
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Isolation(boolean separateJvm, boolean networkNamespace, String user, boolean unprivileged, List<String> notes,
                        IsolationLevel level) {

    public Isolation {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(level, "level");
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    /** Isolation without a mount namespace of its own: {@link IsolationLevel#NETWORK} with a network namespace, else {@link IsolationLevel#PROCESS}. */
    public Isolation(boolean separateJvm, boolean networkNamespace, String user, boolean unprivileged, List<String> notes) {
        this(separateJvm, networkNamespace, user, unprivileged, notes,
                networkNamespace ? IsolationLevel.NETWORK : IsolationLevel.PROCESS);
    }
}
