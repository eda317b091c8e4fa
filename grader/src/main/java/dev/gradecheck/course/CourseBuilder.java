package dev.gradecheck.course;

import dev.gradecheck.api.TestId;
import dev.gradecheck.platform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the instructor code once per suite hash into {@code out/.cache/<suiteHash>/} — built in a temporary folder
 * and renamed into place, so a cache folder that exists is complete — and checks that the compiled hidden tests and
 * the manifests list the same test methods. After a new build, only the {@value #KEPT_BUILDS} most recently used
 * builds are kept (another grader may still be using a recent one); the rest are deleted.
 *
 * <p>A build is readable by every user and writable by its maker only, so a course built by one user (root, in an
 * autograder image) is graded by another. A build this user cannot read is reported as a permission problem
 * ({@link AccessDeniedException} naming the folder), never as a broken suite.
 */
final class CourseBuilder {

    static final int KEPT_BUILDS = 3;
    private static final Pattern BUILD_NAME = Pattern.compile("[0-9a-f]{64}");
    private static final String STUBS = "stubs";

    private static final String LIBRARIES = "lib";

    private final CourseLayout layout;
    private final List<Path> courseLibraries;

    /** A builder for the course under {@code layout}, whose {@code course.json} names these test libraries. */
    CourseBuilder(CourseLayout layout, List<Path> courseLibraries) {
        this.layout = layout;
        this.courseLibraries = List.copyOf(courseLibraries);
    }

    /** The build for {@code suiteHash}: reused from the cache when present, otherwise compiled now. */
    CourseBuild build(List<Exercise> exercises, List<Path> providedSources, String suiteHash) throws CourseException {
        Path target = layout.cache().resolve(suiteHash);
        if (Files.isDirectory(target)) {
            requireReadable(target);
            markUsed(target);
            addStubsIfMissing(target, exercises, providedSources);
        } else {
            compileInto(target, exercises, providedSources);
            pruneOtherBuilds(target);
        }
        CourseBuild build = locate(target, exercises);
        for (Exercise exercise : exercises) {
            checkTestsMatchManifest(exercise, build.hiddenTests(exercise.id()));
        }
        return build;
    }

    private void compileInto(Path target, List<Exercise> exercises, List<Path> providedSources) throws CourseException {
        try {
            Files.createDirectories(target.getParent());
            Path scratch = Files.createTempDirectory(target.getParent(), target.getFileName() + ".building-");
            try {
                compileAll(locate(scratch, exercises), exercises, providedSources);
                shareReadOnly(scratch);
                moveIntoPlace(scratch, target);
            } finally {
                FileTrees.delete(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the course build cache under " + target.getParent(), e);
        }
    }

    /**
     * Fails with an {@link AccessDeniedException} naming the first folder of the build this user cannot list, and
     * how to fix it: a build made by another user with a private mode.
     */
    private static void requireReadable(Path build) {
        for (Path folder : List.of(build, build.resolve("provided"), build.resolve("solutions"), build.resolve("tests"))) {
            if (Files.isDirectory(folder) && !(Files.isReadable(folder) && Files.isExecutable(folder))) {
                throw new UncheckedIOException(new AccessDeniedException(folder.toString(), null,
                        "the course build cache cannot be read by user " + System.getProperty("user.name")
                                + " — make it readable (chmod -R a+rX " + build.getParent() + ") or delete it and"
                                + " let this user build it"));
            }
        }
    }

    /** Every folder of a new build {@code rwxr-xr-x} and every file {@code rw-r--r--}: other users grade with it. */
    private static void shareReadOnly(Path build) throws IOException {
        try (Stream<Path> paths = Files.walk(build)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own defaults apply.
        }
    }

    /** Records that the build was used now (its folder's modification time), so pruning keeps it longer. */
    private static void markUsed(Path build) {
        try {
            Files.setLastModifiedTime(build, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // A read-only cache is used as it is.
        }
    }

    /** Deletes all but the {@link #KEPT_BUILDS} most recently used builds, {@code current} always kept. */
    private static void pruneOtherBuilds(Path current) {
        try (Stream<Path> entries = Files.list(current.getParent())) {
            List<Path> others = entries
                    .filter(entry -> BUILD_NAME.matcher(entry.getFileName().toString()).matches())
                    .filter(entry -> !entry.equals(current) && Files.isDirectory(entry))
                    .sorted(Comparator.comparing(CourseBuilder::lastUsed).reversed())
                    .toList();
            for (Path old : others.stream().skip(KEPT_BUILDS - 1).toList()) {
                FileTrees.delete(old);
            }
        } catch (IOException | UncheckedIOException e) {
            // Pruning only saves disk space.
        }
    }

    private static FileTime lastUsed(Path build) {
        try {
            return Files.getLastModifiedTime(build);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void compileAll(CourseBuild build, List<Exercise> exercises, List<Path> providedSources) throws CourseException {
        copyCourseLibraries(build.courseLibraries());
        InstructorCompiler compiler = new InstructorCompiler(layout);
        compiler.compile("the provided code (student-template/src/main/java without the student files)",
                providedSources, List.of(), build.providedClasses());
        compileStubs(compiler, exercises, build.providedClasses(), build.stubClasses());
        compiler.compile("the solutions (solutions/src/main/java)",
                CourseLayout.filesBelow(layout.solutionSources(), ".java"), List.of(build.providedClasses()),
                build.solutionClasses());
        List<Path> testClasspath = new ArrayList<>(List.of(build.providedClasses(), build.solutionClasses()));
        testClasspath.addAll(build.testLibraries());
        testClasspath.addAll(build.courseLibraries());
        for (Exercise exercise : exercises) {
            compiler.compile("the hidden tests of " + exercise.id() + " (" + layout.relative(exercise.testSources()) + ")",
                    CourseLayout.filesBelow(exercise.testSources(), ".java"), testClasspath,
                    build.hiddenTests(exercise.id()));
        }
    }

    /**
     * Copies the course's test libraries into the build, where the child JVM may read them (bubblewrap binds the
     * build, not the course checkout) and where their bytes match the suite hash that names the build.
     */
    private void copyCourseLibraries(List<Path> copies) {
        try {
            for (int i = 0; i < courseLibraries.size(); i++) {
                Files.createDirectories(copies.get(i).getParent());
                FileTrees.copy(courseLibraries.get(i), copies.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the course's test libraries into its build", e);
        }
    }

    private void compileStubs(InstructorCompiler compiler, List<Exercise> exercises, Path providedClasses, Path into)
            throws CourseException {
        List<Path> stubs = exercises.stream().flatMap(exercise -> exercise.studentFiles().stream())
                .map(file -> layout.templateSources().resolve(file)).filter(Files::isRegularFile).distinct().toList();
        compiler.compile("the template's student files (student-template/src/main/java)", stubs,
                List.of(providedClasses), into);
    }

    /** A build cached by an older grader has no stubs: they are compiled beside it, and renamed into place. */
    private void addStubsIfMissing(Path target, List<Exercise> exercises, List<Path> providedSources)
            throws CourseException {
        Path stubs = target.resolve(STUBS);
        if (Files.isDirectory(stubs)) {
            return;
        }
        try {
            Path scratch = Files.createTempDirectory(target, STUBS + ".building-");
            try {
                compileStubs(new InstructorCompiler(layout), exercises, target.resolve("provided"), scratch);
                shareReadOnly(scratch);
                moveIntoPlace(scratch, stubs);
            } finally {
                FileTrees.delete(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the course build cache under " + target, e);
        }
    }

    private static void moveIntoPlace(Path scratch, Path target) throws IOException {
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + scratch + " atomically", e);
        } catch (IOException e) {
            // rename(2) fails with "Directory not empty" when another grader built the same suite meanwhile: its
            // build is identical, keep it (the caller deletes ours).
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private CourseBuild locate(Path folder, List<Exercise> exercises) {
        Map<String, Path> tests = new LinkedHashMap<>();
        exercises.forEach(exercise -> tests.put(exercise.id(), folder.resolve("tests").resolve(exercise.id())));
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < courseLibraries.size(); i++) {
            copies.add(folder.resolve(LIBRARIES).resolve(i + "-" + courseLibraries.get(i).getFileName()));
        }
        return new CourseBuild(folder.resolve("provided"), folder.resolve("solutions"), tests, TestLibraries.locate(),
                folder.resolve(STUBS), copies);
    }

    private void checkTestsMatchManifest(Exercise exercise, Path testClasses) throws CourseException {
        Set<TestId> discovered = TestMethodScanner.scan(testClasses);
        Map<String, TestId> listed = new HashMap<>();
        exercise.tests().forEach(test -> listed.put(test.id().toString(), test.id()));
        String manifest = layout.relative(exercise.folder().resolve("exercise.json"));
        for (TestId test : discovered) {
            if (!listed.containsKey(test.toString())) {
                throw new CourseException(manifest + ": \"tests\" does not list " + test + ", a test method of "
                        + layout.relative(exercise.testSources()) + " — add {\"test\": \"" + test + "\", \"points\": ...}");
            }
        }
        Set<String> found = new TreeSet<>();
        discovered.forEach(test -> found.add(test.toString()));
        for (String test : listed.keySet().stream().sorted().toList()) {
            if (!found.contains(test)) {
                throw new CourseException(manifest + ": \"tests\" lists " + test + ", but "
                        + layout.relative(exercise.testSources()) + " has no such @Test method — fix the name or remove the entry");
            }
        }
    }
}
