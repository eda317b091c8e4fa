package dev.gradecheck.sandbox.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The bubblewrap ({@code bwrap}) command line that puts one child JVM in a sandbox of its own: new user, mount, PID,
 * network, IPC and UTS namespaces; of the host's files only the system libraries, the JDK and the child's class path,
 * all read-only; no {@code /proc} at all (so no {@code /proc/self/mem}, no {@code /proc/self/fd}, no other process's
 * command line); a fresh, size-capped {@code /tmp} and {@code /dev/shm} of its own, read-only, so that nothing it could
 * write anywhere can be run or loaded as native code (the kernel offers no {@code noexec} to bubblewrap); a new
 * session (no terminal to inject into); no user namespaces inside; killed when the grader dies. Its event channel is
 * its inherited standard output, so it needs nothing writable.
 *
 * <p>Without {@code /proc} the dynamic loader cannot find the JDK's own libraries relative to the launcher, so
 * {@code LD_LIBRARY_PATH} names them. Inside, every path is where it is outside, so the job's paths need no
 * translation. Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Bubblewrap {

    /** Size of the child's private {@code /tmp} and of its {@code /dev/shm}. */
    static final long TMPFS_BYTES = 64L * 1024 * 1024;

    private static final List<String> LIBRARY_FOLDERS = List.of("/usr/lib", "/usr/lib64", "/usr/lib32");
    private static final List<String> TOP_LIBRARY_FOLDERS = List.of("/lib", "/lib64", "/lib32");
    private static final Map<Path, List<Path>> JDK_LINK_TARGETS = new ConcurrentHashMap<>();

    private final Path executable;

    Bubblewrap(Path executable) {
        this.executable = executable;
    }

    /** The {@code bwrap} executable. */
    Path executable() {
        return executable;
    }

    /**
     * The command prefix for one child, up to and including {@code --}.
     *
     * @param java the {@code java} launcher the child runs
     * @param readOnly what the child may read: its class path entries
     */
    List<String> prefix(Path java, List<Path> readOnly) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "--new-session", "--hostname", "gradecheck",
                "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/tmp",
                "--dev", "/dev",
                "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/dev/shm"));
        systemLibraries(command);
        Path home = javaHome(java);
        bind(command, "--ro-bind", home);
        jdkLinkTargets(home).forEach(target -> bind(command, "--ro-bind", target));
        readOnly.forEach(path -> bind(command, "--ro-bind", path));
        command.addAll(List.of("--remount-ro", "/tmp", "--remount-ro", "/dev/shm"));
        command.addAll(List.of("--setenv", "LD_LIBRARY_PATH", home.resolve("lib") + ":" + home.resolve("lib/server"),
                "--chdir", "/tmp", "--"));
        return List.copyOf(command);
    }

    /** The JDK folder of a {@code .../bin/java} launcher, links resolved. */
    public static Path javaHome(Path java) {
        try {
            return java.toRealPath().getParent().getParent();
        } catch (IOException e) {
            return java.toAbsolutePath().getParent().getParent();
        }
    }

    private static void systemLibraries(List<String> command) {
        for (String folder : LIBRARY_FOLDERS) {
            if (Files.isDirectory(Path.of(folder), LinkOption.NOFOLLOW_LINKS)) {
                command.addAll(List.of("--ro-bind", folder, folder));
            }
        }
        for (String folder : TOP_LIBRARY_FOLDERS) {
            Path path = Path.of(folder);
            if (Files.isSymbolicLink(path)) {
                try {
                    command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), folder));
                } catch (IOException e) {
                    // Left out: the loader finds its libraries below /usr.
                }
            } else if (Files.isDirectory(path)) {
                command.addAll(List.of("--ro-bind", folder, folder));
            }
        }
        command.addAll(List.of("--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"));
    }

    private static void bind(List<String> command, String how, Path path) {
        String where = path.toAbsolutePath().toString();
        command.addAll(List.of(how, where, where));
    }

    /**
     * What a JDK's absolute links point to (a distribution's JDK keeps its configuration in {@code /etc}), so that
     * those files, and only those, are there in the sandbox too. Walked once per JDK.
     */
    private static List<Path> jdkLinkTargets(Path home) {
        return JDK_LINK_TARGETS.computeIfAbsent(home, Bubblewrap::findLinkTargets);
    }

    private static List<Path> findLinkTargets(Path home) {
        Set<Path> targets = new LinkedHashSet<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(home)) {
                        targets.add(target);
                    }
                } catch (IOException e) {
                    // A dangling link stays dangling.
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(targets);
    }
}
