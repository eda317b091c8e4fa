package dev.gradecheck.sandbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradecheck.sandbox.isolation.IsolationPlan;
import dev.gradecheck.sandbox.isolation.IsolationProbe;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM started the way a grading starts it maps the shared runtime's class-data archive, inside bubblewrap's
 * file-system sandbox too. A sandbox that does not show the archive file makes {@code -Xshare:auto} start the child
 * silently without it, at about a quarter more CPU per child; with {@code -Xshare:on} the JVM refuses to start instead.
 */
class ChildArchiveIT {

    @TempDir
    Path temp;

    @Test
    void aChildMapsTheArchiveWithAndWithoutTheFileSystemSandbox() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults();
        Path work = Files.createDirectory(temp.resolve("work"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        IsolationPlan plan = IsolationProbe.plan(settings, work);
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(settings, ChildClasspath.locate());
        assumeTrue(runtime.flatMap(ChildRuntime::archive).isPresent(), "no class-data archive could be made here");
        String output = startWithArchiveRequired(settings, plan, work, runtime);
        assertTrue(output.contains("version"), output);
    }

    @Test
    void theSandboxShowsTheArchiveToTheChild() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed here");
        SandboxSettings settings = SandboxSettings.defaults();
        Path work = Files.createDirectory(temp.resolve("work"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        IsolationPlan plan = IsolationProbe.plan(settings, work);
        assumeTrue(plan.bubblewrap().isPresent(), "bubblewrap cannot sandbox a child here: " + plan.isolation());
        Optional<ChildRuntime> runtime = ChildRuntime.prepare(settings, ChildClasspath.locate());
        assumeTrue(runtime.flatMap(ChildRuntime::archive).isPresent(), "no class-data archive could be made here");
        try (RunFolder run = RunFolder.create(work, plan, ChildClasspath.locate(), runtime)) {
            assertEquals(runtime.flatMap(ChildRuntime::archive).stream().toList(), run.startUpFiles());
        }
        startWithArchiveRequired(settings, plan, work, runtime);
    }

    /** Starts {@code java -version} with a grading child's command line, the archive required; its output. */
    private static String startWithArchiveRequired(SandboxSettings settings, IsolationPlan plan, Path work,
                                                   Optional<ChildRuntime> runtime) throws IOException,
            InterruptedException {
        try (RunFolder run = RunFolder.create(work, plan, ChildClasspath.locate(), runtime)) {
            OptionalInt uid = plan.users().isPresent() ? OptionalInt.empty() : plan.childUid();
            ChildFolder child = run.newChild(uid);
            List<String> command = new ArrayList<>(ChildCommand.of(settings, plan, run, child, uid, false));
            assertTrue(command.contains("-Xshare:auto"), command.toString());
            command.replaceAll(argument -> argument.equals("-Xshare:auto") ? "-Xshare:on" : argument);
            command.subList(command.indexOf("--module"), command.size()).clear();
            command.add("-version");
            Process java = ChildCommand.withCleanEnvironment(new ProcessBuilder(command)).directory(work.toFile())
                    .redirectErrorStream(true).start();
            java.getOutputStream().close();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
            assertEquals(0, java.exitValue(), "the child JVM could not map its class-data archive: " + output);
            return output;
        }
    }
}
