package dev.gradecheck.sandbox;

import dev.gradecheck.api.Isolation;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How child JVMs are wrapped on this machine.
 *
 * @param prefix the commands put before {@code java} (e.g. {@code unshare --net ... --}, {@code setpriv ... --}),
 *     empty for a plain child JVM
 * @param isolation what is in force, as reported
 * @param childUid the user id the child runs as when it differs from the grader's; then everything the child reads
 *     must be staged where that user can read it
 * @param pidNamespace whether the child is the first process of its own PID namespace, so every process it starts
 *     dies with it
 */
record IsolationPlan(List<String> prefix, Isolation isolation, OptionalInt childUid, boolean pidNamespace) {

    IsolationPlan {
        prefix = List.copyOf(prefix);
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(childUid, "childUid");
    }

    /** A plain child JVM running as the grader's user, with the reasons. */
    static IsolationPlan plain(String user, List<String> notes) {
        return new IsolationPlan(List.of(), new Isolation(true, false, user, false, notes), OptionalInt.empty(), false);
    }
}
