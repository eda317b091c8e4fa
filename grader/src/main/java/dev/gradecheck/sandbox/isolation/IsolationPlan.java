package dev.gradecheck.sandbox.isolation;

import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.IsolationLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * How child JVMs are wrapped on this machine.
 *
 * @param prefix the commands put before {@code java} (e.g. {@code unshare --net ... --}, {@code setpriv ... --}),
 *     empty for a plain child JVM; with bubblewrap, the limits only ({@code prlimit ... --}), since the user switch
 *     and the sandbox are made per child
 * @param isolation what is in force, as reported
 * @param childUid the user id every child runs as when it differs from the grader's and is the same for all children
 *     ({@code nobody}); then everything the child reads must be staged where that user can read it
 * @param pidNamespace whether the child is the first process of its own PID namespace, so every process it starts
 *     dies with it
 * @param bubblewrap the sandbox each child gets, when bubblewrap works here
 * @param setpriv the {@code setpriv} that switches a child to its own user id (when {@code users} is present) and
 *     makes its sandbox die with the grader (a parent-death signal; children are started from one long-lived thread,
 *     see {@link Spawner})
 * @param users the pool of user ids, one per child at a time, when the grader runs as root
 */
@API(status = API.Status.INTERNAL)
public record IsolationPlan(List<String> prefix, Isolation isolation, OptionalInt childUid, boolean pidNamespace,
                     Optional<Bubblewrap> bubblewrap, Optional<Path> setpriv, Optional<ChildUsers> users) {

    public IsolationPlan {
        prefix = List.copyOf(prefix);
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(childUid, "childUid");
        Objects.requireNonNull(bubblewrap, "bubblewrap");
        Objects.requireNonNull(setpriv, "setpriv");
        Objects.requireNonNull(users, "users");
    }

    /** A plan without bubblewrap. */
    IsolationPlan(List<String> prefix, Isolation isolation, OptionalInt childUid, boolean pidNamespace) {
        this(prefix, isolation, childUid, pidNamespace, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A plain child JVM running as the grader's user, with the reasons. */
    static IsolationPlan plain(String user, List<String> notes) {
        return new IsolationPlan(List.of(), new Isolation(true, false, user, false, notes, IsolationLevel.PROCESS),
                OptionalInt.empty(), false);
    }

    /** Whether what a child reads must be copied where another user can read it. */
    public boolean stagesForChild() {
        return childUid.isPresent() || users.isPresent() || bubblewrap.isPresent();
    }

    /**
     * The whole prefix for one child: the switch to its user id {@code uid} (when it has its own), the limits, then
     * its sandbox over what it may read.
     */
    public List<String> prefixFor(OptionalInt uid, Path java, List<Path> readOnly) {
        if (bubblewrap.isEmpty()) {
            return prefix;
        }
        List<String> command = new ArrayList<>();
        if (setpriv.isPresent()) {
            command.add(setpriv.get().toString());
            uid.ifPresent(id -> command.addAll(List.of("--reuid=" + id, "--regid=" + id, "--clear-groups")));
            command.addAll(List.of("--no-new-privs", "--pdeathsig", "KILL", "--"));
        }
        command.addAll(prefix);
        command.addAll(bubblewrap.get().prefix(java, readOnly));
        return command;
    }
}
