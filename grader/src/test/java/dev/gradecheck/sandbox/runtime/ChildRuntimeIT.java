package dev.gradecheck.sandbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.sandbox.spec.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared child runtime: what it holds, and that a folder anyone else could have changed is never used. */
class ChildRuntimeIT {

    @TempDir
    Path temp;

    @Test
    void holdsTheRunnerAndLibrariesAsReadOnlyJarsWithAnArchive() throws IOException {
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(SandboxSettings.defaults(), ChildClasspath.locate());
        assertTrue(runtime.isPresent(), "the runtime could not be prepared here");
        List<Path> classpath = runtime.get().classpath();
        assertEquals("runner.jar", classpath.get(0).getFileName().toString());
        assertTrue(classpath.stream().allMatch(jar -> jar.toString().endsWith(".jar")), classpath.toString());
        assertTrue(ChildRuntime.trusted(runtime.get().folder()));
        assertTrue(runtime.get().jvmOptions().get(0).startsWith("-XX:SharedArchiveFile="), runtime.get().jvmOptions()
                .toString());
    }

    @Test
    void aNewRuntimePrunesTheOnesNobodyUsedForADay() throws IOException {
        Path keep = runtimeFolder("kept-new", Duration.ofDays(3));
        Path stale = runtimeFolder("stale", Duration.ofDays(2));
        Path recent = runtimeFolder("recent", Duration.ofHours(2));
        Path building = runtimeFolder("x.building-1", Duration.ofDays(2));
        Path other = Files.createDirectory(temp.resolve("other-folder"));
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(5))));
        ChildRuntime.pruneUnused(temp, keep, ChildRuntime.UNUSED_LIMIT);
        assertFalse(Files.exists(stale), "unused for two days: deleted, read-only files and all");
        for (Path kept : List.of(keep, recent, building, other)) {
            assertTrue(Files.exists(kept), kept + " must stay");
        }
    }

    @Test
    void preparingMarksTheRuntimeAsUsed() throws IOException {
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(SandboxSettings.defaults(), ChildClasspath.locate());
        Path folder = runtime.orElseThrow().folder();
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        ChildRuntime.prepare(SandboxSettings.defaults(), ChildClasspath.locate());
        assertTrue(Files.getLastModifiedTime(folder).toInstant().isAfter(Instant.now().minus(Duration.ofMinutes(5))));
    }

    /** A runtime-like folder with a read-only file, last used {@code age} ago. */
    private Path runtimeFolder(String key, Duration age) throws IOException {
        Path folder = Files.createDirectory(temp.resolve(ChildRuntime.FOLDER_PREFIX + key));
        Path jar = Files.writeString(folder.resolve("runner.jar"), "jar");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("r--r--r--"));
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
        return folder;
    }

    @Test
    void distrustsAFolderWithAnythingOthersCanWrite() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("runtime"));
        Path jar = Files.writeString(folder.resolve("runner.jar"), "not really a jar");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(ChildRuntime.trusted(folder));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));
        assertFalse(ChildRuntime.trusted(folder));
    }

    @Test
    void distrustsSymbolicLinks() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("runtime"));
        Files.createSymbolicLink(folder.resolve("runner.jar"), temp.resolve("elsewhere.jar"));
        assertFalse(ChildRuntime.trusted(folder));
    }
}
