package dev.gradecheck.sandbox.runtime;

import dev.gradecheck.platform.JvmFlags;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.isolation.Bubblewrap;
import dev.gradecheck.sandbox.isolation.IsolationPlan;
import dev.gradecheck.sandbox.wire.SquatLimits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The command line of a child JVM: the isolation prefix, {@code java} with the memory, stack and start-up flags (and
 * the class-data archive when there is one), the runner's class path and main class. Nothing secret is on it: the job travels over standard input.
 */
@API(status = API.Status.INTERNAL)
public final class ChildCommand {

    /**
     * Start-up flags, measured to help: the grader's {@link JvmFlags#shortRun()} (C1 only, serial GC, no perf-data
     * file) and the JDK's class-data archive.
     */
    static final List<String> FAST_START = Stream.concat(JvmFlags.shortRun().stream(),
            Stream.of("-Xshare:auto")).toList();

    /**
     * From this release on, {@code --illegal-native-access=deny} makes JNI libraries and the foreign function API's
     * restricted methods throw for every module not granted native access, which no module of the child is. (On 17
     * and 21 the foreign function API is not there without flags the child does not get; 22 and 23 would only warn.)
     */
    static final int FIRST_WITH_NATIVE_ACCESS_DENIAL = 24;

    private static final Map<Path, Integer> FEATURE_VERSIONS = new ConcurrentHashMap<>();

    private ChildCommand() {
    }

    /** The feature release of the JDK this {@code java} belongs to, from its {@code release} file; 0 when unknown. */
    static int featureVersion(Path java) {
        return FEATURE_VERSIONS.computeIfAbsent(java.toAbsolutePath(), ChildCommand::readFeatureVersion);
    }

    private static int readFeatureVersion(Path java) {
        try {
            for (String line : Files.readAllLines(Bubblewrap.javaHome(java).resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unknown: no option that an older JVM would refuse.
        }
        return 0;
    }

    /**
     * Gives a child process a clean environment: no secrets of the grader's, no {@code JAVA_TOOL_OPTIONS} or the
     * like for the child JVM; only a fixed {@code PATH} and locale.
     */
    public static ProcessBuilder withCleanEnvironment(ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        return builder;
    }

    /**
     * The options that start the runner from these entries (runner first, then libraries): the runner and every
     * library with a module descriptor on the module path, the rest (the gradient toolkit) on the class path, the
     * JDK's modules limited (see {@link RunnerModule#launchOptions}), no attach mechanism (no agent and no heap dump
     * can be brought in from outside).
     */
    static List<String> runner(Path java, List<Path> entries, boolean limitModules) {
        List<String> modules = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Path entry : entries) {
            (ModuleDescriptors.isModule(entry) ? modules : classes).add(entry.toString());
        }
        List<String> options = new ArrayList<>(List.of("-XX:+DisableAttachMechanism"));
        if (featureVersion(java) >= FIRST_WITH_NATIVE_ACCESS_DENIAL) {
            options.add("--illegal-native-access=deny");
        }
        options.addAll(RunnerModule.launchOptions(String.join(File.pathSeparator, modules),
                String.join(File.pathSeparator, classes), Wire.RUNNER_MAIN, limitModules));
        return options;
    }

    /** The full command for one child; {@code warmUp} for a child started ahead of its job. */
    public static List<String> of(SandboxSettings settings, IsolationPlan plan, RunFolder run, ChildFolder folder,
                           OptionalInt uid, boolean warmUp) {
        Path java = run.javaExecutable().orElse(settings.javaExecutable());
        List<Path> readable = new ArrayList<>(run.childClasspath());
        readable.addAll(run.startUpFiles());
        readable.add(run.courseFolder());
        List<String> command = new ArrayList<>(plan.prefixFor(uid, java, readable));
        Path tmp = plan.bubblewrap().isPresent() ? Path.of("/tmp") : folder.tmp();
        command.add(java.toString());
        command.add("-Xmx" + settings.heapMegabytes() + "m");
        command.add("-Xss" + settings.stackKilobytes() + "k");
        command.add("-XX:MaxDirectMemorySize=" + SquatLimits.directMemoryMegabytes(settings) + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-XX:MaxMetaspaceSize=128m");
        command.addAll(FAST_START);
        command.addAll(run.jvmOptions());
        command.add("-XX:ErrorFile=" + tmp.resolve("hs_err_pid%p.log"));
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Duser.language=en");
        command.add("-Djava.awt.headless=true");
        command.addAll(runner(java, run.childClasspath(), run.javaExecutable().isEmpty()));
        if (warmUp) {
            command.add(Wire.WARM_UP);
        }
        return command;
    }
}
