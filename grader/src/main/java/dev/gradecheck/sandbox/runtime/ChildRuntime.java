package dev.gradecheck.sandbox.runtime;

import dev.gradecheck.api.TestId;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.warmup.WarmUpCases;
import dev.gradecheck.sandbox.warmup.WarmUpClasses;
import dev.gradecheck.sandbox.wire.JobMessage;
import dev.gradecheck.sandbox.wire.SquatLimits;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The child JVM's own class path in a stable folder shared by every grader on this machine that uses the same JDK,
 * runner and libraries ({@code java.io.tmpdir/gradecheck-child-KEY}): the runner as a jar, copies of the libraries,
 * and a class-data-sharing archive of the classes a child loads, which roughly halves a child's start-up. The
 * archive is made once, from a training child that runs the warm-up cases ({@link WarmUpClasses}), which lie in the
 * folder's {@value #WARM_UP_JAR} for it.
 *
 * <p>The folder is world-readable (a child running as another user loads from it) and writable by its owner only.
 * It is used only if it is owned by this grader's user and nothing in it is writable by anyone else, since whatever
 * is in it runs as the child's runner. Anything going wrong here only costs speed: {@link #prepare} then returns
 * empty and children load the libraries from where the grader found them. Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ChildRuntime {

    private static final Map<String, Optional<ChildRuntime>> PREPARED = new ConcurrentHashMap<>();
    private static final long TRAINING_LIMIT_SECONDS = 120;
    /** The training job: two "exercises", so the check between exercises is in the class list too. */
    private static final List<TestSpec> WARM_UP_CASES = WarmUpClasses.METHODS
            .stream().map(method -> new TestSpec(TestId.parse(WarmUpClasses.CLASS_NAME + "#" + method),
                    Duration.ofSeconds(TRAINING_LIMIT_SECONDS), method.startsWith("p") ? "warm-up" : "warm-up-2"))
            .toList();
    private static final String ARCHIVE = "child.jsa";
    /** The warm-up cases as a course folder of the training child: not on any child's own class path. */
    static final String WARM_UP_JAR = "warm-up.jar";
    private static final String IMAGE = "jdk";
    static final String FOLDER_PREFIX = "gradecheck-child-";
    /** Runtimes nobody used for this long are deleted when a new one is made. */
    static final Duration UNUSED_LIMIT = Duration.ofDays(1);

    private final List<Path> classpath;
    private final Optional<Path> archive;
    private final Optional<Path> java;

    private ChildRuntime(List<Path> classpath, Optional<Path> archive, Optional<Path> java) {
        this.classpath = List.copyOf(classpath);
        this.archive = archive;
        this.java = java;
    }

    /**
     * The runtime for children of these settings, made on first use; empty when it cannot be made or trusted. Each use
     * marks the folder as used (its modification time), which keeps it from being pruned.
     */
    public static Optional<ChildRuntime> prepare(SandboxSettings settings, ChildClasspath sources) {
        try {
            String key = key(settings, sources);
            Optional<ChildRuntime> runtime = PREPARED.computeIfAbsent(key, k -> create(settings, sources, k));
            runtime.ifPresent(r -> markUsed(r.folder()));
            return runtime;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void markUsed(Path folder) {
        try {
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Only pruning looks at it.
        }
    }

    /**
     * Deletes the runtimes in {@code parent} other than {@code keep} that this user owns and that nobody used for
     * {@code unused}: each build of the grader or JDK update makes a new one (about 20 MB), and a grader still using
     * an old one marks it at every use.
     */
    static void pruneUnused(Path parent, Path keep, Duration unused) {
        Instant before = Instant.now().minus(unused);
        try (Stream<Path> entries = Files.list(parent)) {
            Object self = ownUid(parent);
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (entry.equals(keep) || !name.startsWith(FOLDER_PREFIX) || name.contains(".")
                        || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        || !self.equals(Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        || !Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    continue;
                }
                FileTrees.deleteQuietly(entry);
            }
        } catch (IOException | RuntimeException e) {
            // Pruning only saves disk space.
        }
    }

    /** The runner jar, then the libraries (never the warm-up cases). */
    List<Path> classpath() {
        return classpath;
    }

    /** The class-data archive, when there is one: a file the child must be able to read, in a sandbox too. */
    Optional<Path> archive() {
        return archive;
    }

    /** The options that make a child use the archive (nothing when there is none). */
    List<String> jvmOptions() {
        return archive.map(file -> List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto")).orElse(List.of());
    }

    /**
     * The {@code java} of the runtime's own JDK image, when one could be linked: the JDK's modules limited to
     * {@link RunnerModule#JDK_MODULES}, so nothing else of the JDK exists for the child at all; empty when the
     * children must use the grader's JDK with {@code --limit-modules} (slower: no class-data archive of the runner).
     */
    Optional<Path> java() {
        return java;
    }

    /** The folder holding everything, for checking that another user can reach it. */
    Path folder() {
        return classpath.get(0).getParent();
    }

    private static Optional<ChildRuntime> create(SandboxSettings settings, ChildClasspath sources, String key) {
        try {
            Path folder = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve(FOLDER_PREFIX + key);
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                build(folder, sources, settings);
                pruneUnused(folder.getParent(), folder, UNUSED_LIMIT);
            }
            if (!trusted(folder)) {
                return Optional.empty();
            }
            List<Path> classpath = classpathIn(folder);
            Optional<Path> java = Optional.of(folder.resolve(IMAGE).resolve("bin").resolve("java"))
                    .filter(Files::isExecutable);
            if (java.isEmpty()) {
                return Optional.of(new ChildRuntime(classpath, Optional.empty(), java));
            }
            Path archive = folder.resolve(ARCHIVE);
            if (!Files.exists(archive) && !train(java.get(), settings, classpath, archive)) {
                return Optional.of(new ChildRuntime(classpath, Optional.empty(), java));
            }
            return Optional.of(new ChildRuntime(classpath, trusted(folder) ? Optional.of(archive) : Optional.empty(),
                    java));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Builds the folder under a temporary name and renames it into place, so no one sees it half-made. */
    private static void build(Path folder, ChildClasspath sources, SandboxSettings settings) throws IOException {
        Path building = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".building-");
        link(settings, building.resolve(IMAGE));
        sources.writeRunnerJar(building.resolve("runner.jar"));
        writeWarmUpJar(building.resolve(WARM_UP_JAR));
        Path lib = Files.createDirectory(building.resolve("lib"));
        List<Path> libraries = sources.libraries();
        for (int i = 0; i < libraries.size(); i++) {
            Path library = libraries.get(i);
            Path copy = lib.resolve(String.format(Locale.ROOT, "%02d-%s", i, jarName(library)));
            if (Files.isDirectory(library)) {
                pack(library, copy);
            } else {
                Files.copy(library, copy);
            }
        }
        makeReadOnlyForOthers(building);
        try {
            Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            FileTrees.deleteQuietly(building);
        }
    }

    /**
     * Links a JDK image of {@link RunnerModule#JDK_MODULES} with the grader's JDK's {@code jlink}; without one (a JRE,
     * or a JDK that cannot link from its run-time image), children use the grader's JDK with {@code --limit-modules}.
     * The image's relative links (license files) become copies: the runtime holds no links at all.
     */
    private static void link(SandboxSettings settings, Path image) throws IOException {
        Path jlink = settings.javaExecutable().resolveSibling("jlink");
        if (!Files.isExecutable(jlink)) {
            return;
        }
        List<String> command = List.of(jlink.toString(), "--add-modules", String.join(",", RunnerModule.JDK_MODULES),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--output", image.toString());
        if (!awaitSuccess(start(command, image.getParent()))) {
            FileTrees.deleteQuietly(image);
            return;
        }
        try (Stream<Path> paths = Files.walk(image)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                Path target = link.toRealPath();
                Files.delete(link);
                Files.copy(target, link);
            }
        }
    }

    private static void writeWarmUpJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> warmUpClass : WarmUpClasses.classes().entrySet()) {
                out.putNextEntry(new JarEntry(warmUpClass.getKey().replace('.', '/') + ".class"));
                out.write(warmUpClass.getValue());
                out.closeEntry();
            }
        }
    }

    private static String jarName(Path library) {
        String name = library.getFileName().toString();
        return name.endsWith(".jar") ? name : name + ".jar";
    }

    /** Packs a class folder (a library not yet packaged, as in a reactor build) into a jar: CDS needs jars. */
    private static void pack(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static List<Path> classpathIn(Path folder) throws IOException {
        List<Path> classpath = new ArrayList<>(List.of(folder.resolve("runner.jar")));
        try (Stream<Path> jars = Files.list(folder.resolve("lib"))) {
            classpath.addAll(jars.sorted().toList());
        }
        return classpath;
    }

    /**
     * Runs a training child that records the classes it loads, dumps them into an archive and checks that a JVM can
     * map it. True when the archive is in place.
     */
    private static boolean train(Path java, SandboxSettings settings, List<Path> classpath, Path archive)
            throws IOException {
        Path work = Files.createTempDirectory("gradecheck-training-");
        try {
            Path classList = work.resolve("classes.lst");
            Path candidate = work.resolve(ARCHIVE);
            List<String> runner = ChildCommand.runner(java, classpath, false);
            return runTrainingChild(java, settings, classpath, runner, classList, work)
                    && succeeds(work, concat(List.of(java.toString(), "-Xshare:dump", "-XX:+UseSerialGC",
                            "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + candidate),
                            withoutMain(runner)))
                    && succeeds(work, concat(List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:on",
                            "-XX:SharedArchiveFile=" + candidate), concat(withoutMain(runner), List.of("-version"))))
                    && publish(candidate, archive);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /** The runner's options without the main module: the module graph, for dumping and mapping the archive. */
    private static List<String> withoutMain(List<String> runner) {
        int main = runner.indexOf("--module");
        List<String> options = new ArrayList<>(runner.subList(0, main));
        options.addAll(List.of("--add-modules", RunnerModule.NAME));
        return options;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static boolean runTrainingChild(Path java, SandboxSettings settings, List<Path> classpath,
                                            List<String> runner, Path classList, Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + settings.heapMegabytes() + "m"));
        command.addAll(ChildCommand.FAST_START);
        command.add("-XX:DumpLoadedClassList=" + classList);
        command.addAll(runner);
        Process child = start(command, work);
        byte[] token = new byte[Wire.TOKEN_BYTES];
        new SecureRandom().nextBytes(token);
        Path warmUpCases = classpath.get(0).resolveSibling(WARM_UP_JAR);
        JobMessage.send(child, token, 100, List.of(warmUpCases), WARM_UP_CASES, SquatLimits.of(settings));
        return awaitSuccess(child);
    }

    private static boolean succeeds(Path work, List<String> command) throws IOException {
        return awaitSuccess(start(command, work));
    }

    private static Process start(List<String> command, Path work) throws IOException {
        return ChildCommand.withCleanEnvironment(new ProcessBuilder(command)).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static boolean awaitSuccess(Process process) {
        try {
            if (process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return false;
    }

    private static boolean publish(Path candidate, Path archive) throws IOException {
        Path staged = Files.createTempFile(archive.getParent(), ARCHIVE, ".new");
        Files.copy(candidate, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("r--r--r--"));
        Files.move(staged, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** Everything below is owned by this user, no symbolic links, and nothing is writable by group or others. */
    static boolean trusted(Path folder) throws IOException {
        Object self = ownUid(folder.getParent());
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                boolean safe = !Files.isSymbolicLink(path)
                        && self.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                        && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
                if (!safe) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This process's user id, as the owner of a file it just made. */
    private static Object ownUid(Path where) throws IOException {
        Path probe = Files.createTempFile(where, "gradecheck-uid-", ".probe");
        try {
            return Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void makeReadOnlyForOthers(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                        ? "rwxr-xr-x" : Files.isExecutable(path) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    /** A name for the runtime: changes with the JDK, the runner's classes, the warm-up cases and every library. */
    private static String key(SandboxSettings settings, ChildClasspath sources) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "gradecheck-child-runtime-4");
        Path java = settings.javaExecutable().toRealPath();
        update(digest, java.toString());
        Path modules = java.getParent().getParent().resolve("lib").resolve("modules");
        if (Files.exists(modules)) {
            update(digest, Files.size(modules) + "@" + Files.getLastModifiedTime(modules));
        }
        for (Map.Entry<String, byte[]> runnerClass : sources.runnerClasses().entrySet()) {
            update(digest, runnerClass.getKey());
            digest.update(runnerClass.getValue());
        }
        for (Map.Entry<String, byte[]> warmUpClass : WarmUpClasses.classes().entrySet()) {
            update(digest, warmUpClass.getKey());
            digest.update(warmUpClass.getValue());
        }
        for (Path library : sources.libraries()) {
            updateWithFiles(digest, library.toRealPath());
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    }

    /** Path, size and time of a jar, or of every file of a class folder. */
    private static void updateWithFiles(MessageDigest digest, Path library) throws IOException {
        try (Stream<Path> files = Files.walk(library)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file));
            }
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
