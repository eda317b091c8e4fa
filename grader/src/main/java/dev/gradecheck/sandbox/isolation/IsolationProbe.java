package dev.gradecheck.sandbox.isolation;

import dev.gradecheck.api.Isolation;
import dev.gradecheck.api.IsolationLevel;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Finds out which isolation layers work on this machine by trying each one once (a few milliseconds; results are
 * cached for the life of the grader JVM) and plans the wrapping of child JVMs:
 * <ol>
 *   <li>{@code unshare --net --pid --fork --kill-child}: no network at all (not even loopback), and every process the
 *       child starts dies with it; for a grader without root, the same inside a new user namespace; or
 *       {@code unshare --net} alone when PID namespaces are refused;</li>
 *   <li>{@code prlimit}: a file-size limit, and a process limit when the child has a user of its own;</li>
 *   <li>{@code setpriv} to uid/gid 65534 ({@code nobody}) when the grader runs as root and that user can reach the
 *       work directory and the {@code java} executable.</li>
 * </ol>
 * A layer that is missing or refused is left out with a note saying why. Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class IsolationProbe {

    static final int UNPRIVILEGED_UID = 65534;
    static final long FILE_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;
    static final int PROCESS_LIMIT = 512;
    static final int OPEN_FILES_LIMIT = 1024;

    private static final List<Path> TOOL_FOLDERS = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"),
            Path.of("/sbin"));
    private static final Map<List<String>, Optional<String>> PROBES = new ConcurrentHashMap<>();

    private IsolationProbe() {
    }

    /** The plan for children of these settings running in {@code workDirectory}. */
    public static IsolationPlan plan(SandboxSettings settings, Path workDirectory) {
        String self = System.getProperty("user.name", "unknown");
        if (!settings.isolate()) {
            return IsolationPlan.plain(self, List.of("isolation layers are turned off in the sandbox settings"));
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return IsolationPlan.plain(self, List.of("isolation layers need Linux, this is "
                    + System.getProperty("os.name") + ": the child is a plain JVM"));
        }
        return linuxPlan(settings, workDirectory, self);
    }

    private static IsolationPlan linuxPlan(SandboxSettings settings, Path workDirectory, String self) {
        List<String> sandboxNotes = new ArrayList<>();
        Optional<IsolationPlan> sandbox = bubblewrapPlan(settings, workDirectory, self, sandboxNotes);
        if (sandbox.isPresent()) {
            return sandbox.get();
        }
        List<String> notes = new ArrayList<>(sandboxNotes);
        List<String> namespaces = namespaces(notes);
        List<String> user = userSwitch(settings, workDirectory, self, notes);
        List<String> limits = limits(!user.isEmpty(), notes);
        List<String> prefix = new ArrayList<>(namespaces);
        prefix.addAll(limits);
        prefix.addAll(user);
        Optional<String> failure = probe(prefix);
        if (failure.isPresent()) {
            return IsolationPlan.plain(self, List.of("the isolation layers work one by one but not together ("
                    + failure.get() + "): the child is a plain JVM"));
        }
        boolean switched = !user.isEmpty();
        Isolation isolation = new Isolation(true, !namespaces.isEmpty(), switched ? userName(UNPRIVILEGED_UID) : self,
                switched, notes);
        return new IsolationPlan(prefix, isolation, switched ? OptionalInt.of(UNPRIVILEGED_UID) : OptionalInt.empty(),
                namespaces.contains("--pid"));
    }

    /**
     * Bubblewrap around each child: as root, each child also gets a user id of its own from a pool, switched to with
     * {@code setpriv} before bubblewrap (which then runs unprivileged, in a user namespace); otherwise the child runs
     * as the grader's user, still alone in its namespaces. Empty, with a note, when bubblewrap is not installed or
     * does not work here (no unprivileged user namespaces, say).
     */
    private static Optional<IsolationPlan> bubblewrapPlan(SandboxSettings settings, Path workDirectory, String self,
                                                         List<String> notes) {
        Optional<Path> bwrap = tool("bwrap");
        if (bwrap.isEmpty()) {
            notes.add("no file-system sandbox: bubblewrap (bwrap) is not installed — install the bubblewrap package");
            return Optional.empty();
        }
        Bubblewrap bubblewrap = new Bubblewrap(bwrap.get());
        boolean root = runningAsRoot();
        Optional<Path> setpriv = tool("setpriv");
        Optional<ChildUsers> users = root ? setpriv.flatMap(s -> ChildUsers.in(Path.of(System.getProperty("java.io.tmpdir"))))
                : Optional.empty();
        List<String> limits = bubblewrapLimits(users.isPresent(), notes);
        IsolationPlan candidate = new IsolationPlan(limits, new Isolation(true, true, self, false, List.of()),
                OptionalInt.empty(), true, Optional.of(bubblewrap), setpriv, users);
        Optional<String> failure = root && users.isEmpty()
                ? Optional.of(setpriv.isEmpty() ? "the setpriv command is not installed"
                        : "no private folder for the user-id pool in " + System.getProperty("java.io.tmpdir"))
                : probe(candidate.prefixFor(users.isPresent() ? OptionalInt.of(ChildUsers.FIRST) : OptionalInt.empty(),
                        settings.javaExecutable(), List.of(tool("true").orElse(Path.of("/bin/true")))));
        if (root && failure.isEmpty()) {
            failure = letOthersSearch(workDirectory).or(() -> unreachable(workDirectory));
        }
        if (failure.isPresent()) {
            notes.add("no file-system sandbox: " + failure.get());
            return Optional.empty();
        }
        boolean ownUser = users.isPresent();
        String user = ownUser ? "a user id of its own (" + ChildUsers.FIRST + " and up)" : self;
        Isolation isolation = new Isolation(true, true, user, ownUser, notes,
                ownUser ? IsolationLevel.OWN_USER : IsolationLevel.FILESYSTEM);
        return Optional.of(new IsolationPlan(limits, isolation, OptionalInt.empty(), true, Optional.of(bubblewrap),
                setpriv, users));
    }

    /** File size, open files, no core dumps; processes too when the child has a user of its own. */
    private static List<String> bubblewrapLimits(boolean ownUser, List<String> notes) {
        Optional<Path> prlimit = tool("prlimit");
        if (prlimit.isEmpty()) {
            notes.add("no file-size, open-file or process limits: the prlimit command is not installed");
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(prlimit.get().toString(), "--fsize=" + FILE_SIZE_LIMIT_BYTES,
                "--nofile=" + OPEN_FILES_LIMIT, "--core=0"));
        if (ownUser) {
            command.add("--nproc=" + PROCESS_LIMIT);
        }
        command.add("--");
        return command;
    }

    /**
     * The first {@code unshare} form that works: as root; else inside a user namespace of its own (how a user
     * without privileges gets namespaces, where the kernel allows it); else a network namespace alone.
     */
    private static List<String> namespaces(List<String> notes) {
        Optional<Path> unshare = tool("unshare");
        if (unshare.isEmpty()) {
            notes.add("no network namespace: the unshare command is not installed");
            return List.of();
        }
        String command = unshare.get().toString();
        List<String> pidAndNet = List.of("--net", "--pid", "--fork", "--kill-child", "--");
        List<List<String>> candidates = List.of(
                concat(List.of(command), pidAndNet),
                concat(List.of(command, "--user", "--map-current-user"), pidAndNet),
                concat(List.of(command, "--user", "--map-root-user"), pidAndNet));
        Optional<String> failure = Optional.empty();
        for (List<String> candidate : candidates) {
            failure = probe(candidate);
            if (failure.isEmpty()) {
                return candidate;
            }
        }
        List<String> netOnly = List.of(command, "--net", "--");
        Optional<String> netFailure = probe(netOnly);
        if (netFailure.isPresent()) {
            notes.add("no network namespace: " + netFailure.get());
            return List.of();
        }
        notes.add("no PID namespace (" + failure.orElse("") + "): processes the tests start are killed by the sandbox");
        return netOnly;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    private static List<String> userSwitch(SandboxSettings settings, Path workDirectory, String self,
                                           List<String> notes) {
        if (!runningAsRoot()) {
            notes.add("the grader does not run as root, so the child runs as the grader's own user (" + self + ")");
            return List.of();
        }
        Optional<Path> setpriv = tool("setpriv");
        if (setpriv.isEmpty()) {
            notes.add("the child runs as root: the setpriv command is not installed");
            return List.of();
        }
        List<String> command = List.of(setpriv.get().toString(), "--reuid=" + UNPRIVILEGED_UID,
                "--regid=" + UNPRIVILEGED_UID, "--clear-groups", "--");
        Optional<String> failure = probe(command)
                .or(() -> letOthersSearch(workDirectory))
                .or(() -> unreachable(workDirectory))
                .or(() -> unreachable(settings.javaExecutable()));
        if (failure.isPresent()) {
            notes.add("the child runs as root: " + failure.get());
            return List.of();
        }
        return command;
    }

    private static List<String> limits(boolean ownUser, List<String> notes) {
        Optional<Path> prlimit = tool("prlimit");
        if (prlimit.isEmpty()) {
            notes.add("no file-size or process limits: the prlimit command is not installed");
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(prlimit.get().toString(), "--fsize=" + FILE_SIZE_LIMIT_BYTES));
        if (ownUser) {
            command.add("--nproc=" + PROCESS_LIMIT);
        }
        command.add("--");
        Optional<String> failure = probe(command);
        if (failure.isPresent()) {
            notes.add("no file-size or process limits: " + failure.get());
            return List.of();
        }
        return command;
    }

    /** Empty when {@code prefix true} succeeds; else why it did not. Cached per prefix. */
    static Optional<String> probe(List<String> prefix) {
        return PROBES.computeIfAbsent(List.copyOf(prefix), IsolationProbe::runProbe);
    }

    private static Optional<String> runProbe(List<String> prefix) {
        List<String> command = new ArrayList<>(prefix);
        command.add(tool("true").map(Path::toString).orElse("true"));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(prefix.get(0) + " did not finish within 10 s");
            }
            String error = new String(process.getErrorStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(commandName(prefix) + ": " + (error.isEmpty() ? "exit code " + process.exitValue()
                            : error.lines().findFirst().orElse(error)));
        } catch (IOException e) {
            return Optional.of(commandName(prefix) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(commandName(prefix) + ": interrupted");
        }
    }

    private static String commandName(List<String> prefix) {
        return prefix.isEmpty() ? "(none)" : Path.of(prefix.get(0)).getFileName().toString();
    }

    private static File nullDevice() {
        return new File("/dev/null");
    }

    private static Optional<Path> tool(String name) {
        return TOOL_FOLDERS.stream().map(folder -> folder.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Makes the work directory searchable (not listable, not writable) by others, so the child can run in it; a
     * folder made by {@code Files.createTempDirectory} is private to its owner. Empty when done.
     */
    private static Optional<String> letOthersSearch(Path workDirectory) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(workDirectory);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(workDirectory, permissions);
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot let uid " + UNPRIVILEGED_UID + " into " + workDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Why uid 65534 could not reach {@code path} (every folder on the way must be searchable by others, and the path
     * itself searchable or executable by others), or empty when it can.
     */
    public static Optional<String> unreachable(Path path) {
        try {
            Path real = path.toRealPath();
            for (Path folder = real.getParent(); folder != null; folder = folder.getParent()) {
                if (!othersMay(folder, PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(real + " is not reachable by uid " + UNPRIVILEGED_UID + " (" + folder
                            + " is not searchable by others)");
                }
            }
            return othersMay(real, PosixFilePermission.OTHERS_EXECUTE) ? Optional.empty() : Optional.of(real + " is not usable by uid " + UNPRIVILEGED_UID);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot check " + path + ": " + e.getMessage());
        }
    }

    private static boolean othersMay(Path path, PosixFilePermission permission) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return permissions.contains(permission);
    }

    /** The account name of {@code uid} from {@code /etc/passwd}, or {@code uid N}. */
    static String userName(int uid) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":"))
                    .filter(fields -> fields.length > 2 && fields[2].equals(Integer.toString(uid)))
                    .map(fields -> fields[0])
                    .findFirst().orElse("uid " + uid);
        } catch (IOException e) {
            return "uid " + uid;
        }
    }
}
