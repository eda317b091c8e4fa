package dev.gradecheck.sandbox.runtime;

import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.sandbox.isolation.IsolationPlan;
import dev.gradecheck.sandbox.isolation.IsolationProbe;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The sandbox's private files for one job, in a fresh folder below the work directory: one folder per child JVM (its
 * real stdout/stderr, its events, its temporary files) and, when the child runs as another user, read-only copies of
 * the course classes (and of the runner and libraries, when the shared {@link ChildRuntime} cannot be used). The
 * folder exists before the job does, so a child can start early: the course classes come with {@link #stageCourse}.
 *
 * <p>When the child has a user of its own, only its {@code events} and {@code tmp} folders belong to it; everything
 * it loads is owned by the grader and not writable by the child, so one child cannot tamper with what the next one
 * runs, and its stdout/stderr files are readable by the grader alone. Deleted on {@link #close()}. Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class RunFolder implements Closeable {

    private final Path root;
    private static final String COURSE = "course";

    private final boolean staged;
    private final List<Path> childClasspath;
    /** The shared runtime the child starts from; empty when it starts from the grader's JDK and its own copies. */
    private final Optional<ChildRuntime> runtime;
    private List<Path> courseClasspath = List.of();
    private int children;

    private RunFolder(Path root, boolean staged, List<Path> childClasspath, Optional<ChildRuntime> runtime) {
        this.root = root;
        this.staged = staged;
        this.childClasspath = List.copyOf(childClasspath);
        this.runtime = runtime;
    }

    /**
     * Creates the folder and puts in what a child JVM needs to start: the shared runtime when there is one the child
     * can reach, else the runner's classes and, when the child runs as another user, copies of the libraries.
     */
    public static RunFolder create(Path workDirectory, IsolationPlan plan, ChildClasspath sources,
                            Optional<ChildRuntime> runtime) throws IOException {
        Path root = Files.createTempDirectory(workDirectory, ".sandbox-");
        boolean staged = plan.stagesForChild();
        if (staged) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Optional<ChildRuntime> reachable = runtime.filter(r -> !staged || IsolationProbe.unreachable(r.folder()).isEmpty());
        List<Path> childClasspath = reachable.isPresent() ? reachable.get().classpath()
                : ownClasspath(root, sources, staged);
        Files.createDirectory(root.resolve(COURSE));
        RunFolder folder = new RunFolder(root, staged, childClasspath, reachable);
        if (staged) {
            folder.makeReadableByAll(root);
        }
        return folder;
    }

    /** Puts in the job's course class folders: copies, readable by the child, when it runs as another user. */
    public void stageCourse(List<Path> course) throws IOException {
        if (!staged) {
            courseClasspath = List.copyOf(course);
            return;
        }
        Path into = courseFolder();
        courseClasspath = copies(course, into);
        makeReadableByAll(into);
    }

    private static List<Path> ownClasspath(Path root, ChildClasspath sources, boolean staged) throws IOException {
        Path runner = Files.createDirectories(root.resolve("runner"));
        sources.copyRunnerTo(runner);
        List<Path> classpath = new ArrayList<>(List.of(runner));
        classpath.addAll(staged ? copies(sources.libraries(), root.resolve("lib")) : sources.libraries());
        return classpath;
    }

    /** Runner classes first, then the libraries: the child JVM's {@code -cp}. */
    List<Path> childClasspath() {
        return childClasspath;
    }

    /**
     * The {@code java} of the shared runtime's own JDK image, which holds only the modules a child may have; empty
     * when children use the grader's JDK (with {@code --limit-modules}).
     */
    Optional<Path> javaExecutable() {
        return runtime.flatMap(ChildRuntime::java);
    }

    /**
     * Files the child JVM reads as it starts, besides its class path: the shared runtime's class-data archive. A
     * file-system sandbox must show them, or the JVM silently starts without the archive (about a quarter more CPU).
     */
    List<Path> startUpFiles() {
        return runtime.flatMap(ChildRuntime::archive).stream().toList();
    }

    /** JVM options that go with that class path (the class-data archive of the shared runtime). */
    List<String> jvmOptions() {
        return runtime.map(ChildRuntime::jvmOptions).orElse(List.of());
    }

    /** The course class folders as the child should open them (copies when staged); empty before {@link #stageCourse}. */
    public List<Path> courseClasspath() {
        return courseClasspath;
    }

    /**
     * The folder the course classes are copied into when staged (empty until {@link #stageCourse}): a child that
     * starts before its job sees them there once they are copied.
     */
    Path courseFolder() {
        return root.resolve(COURSE);
    }

    /** A new folder for the next child JVM, whose events and temporary folders belong to {@code childUid}, if given. */
    public ChildFolder newChild(OptionalInt childUid) throws IOException {
        Path folder = Files.createDirectory(root.resolve("child-" + ++children),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = Files.createDirectory(folder.resolve("tmp"));
        Path events = Files.createFile(folder.resolve("events.jsonl"));
        Path stderr = Files.createFile(folder.resolve("stderr.txt"));
        if (childUid.isPresent()) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(events, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(stderr, PosixFilePermissions.fromString("rw-------"));
            giveToChild(tmp, childUid.getAsInt());
        }
        return new ChildFolder(folder, stderr, events, tmp);
    }

    private static void giveToChild(Path folder, int uid) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(folder, "unix:uid", uid);
        Files.setAttribute(folder, "unix:gid", uid);
    }

    private static List<Path> copies(List<Path> entries, Path into) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path entry : entries) {
            Path target = into.resolve(copies.size() + "-" + entry.getFileName());
            FileTrees.copy(entry, target);
            copies.add(target);
        }
        return copies;
    }

    private void makeReadableByAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Deletes everything, best effort (a file the child still holds open may stay behind). */
    @Override
    public void close() {
        FileTrees.deleteQuietly(root);
    }
}
