package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import jakarta.json.stream.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of the child JVM. Reads the job from standard input (never from the command line or the environment,
 * which student code could read), opens the events file, then runs the requested tests and halts.
 *
 * <p>Order matters: the JUnit launcher is created first, while the context class loader is still the runner's own, so
 * configuration files or service entries among the course classes are never consulted; then the job is read and the
 * events file opened, before any course class is loaded. At the end the JVM halts, so stray non-daemon threads cannot
 * keep it alive, after killing any process the tests started.
 *
 * <p>With the argument {@value #WARM_UP}, given to a child started ahead of its job, standard input starts with a
 * {@link Rehearsal}. The child reads it, runs its warm-up cases (test classes the parent sends with it) through the
 * launcher, output discarded, so the engine's classes are loaded and initialized, then rehearses until more input
 * arrives; only then does it read the job. Course classes of the rehearsal live in a class loader of their own that the job never sees.
 *
 * <p>The job's tests run exercise by exercise, each exercise's in a launcher run of its own. Between two exercises,
 * the runner checks what the earlier one left behind ({@link RetainedResources}); over a limit, it reports that
 * ({@link Wire#RESOURCES_RETAINED}) and stops, so the next exercise's tests do not pay for it: the parent runs them
 * in a fresh JVM.
 *
 * <p>Exit codes: 0 after a complete run (test failures included), 2 when the job (or rehearsal) cannot be read, 3 when
 * the events file cannot be opened, 4 when the runner itself failed, 5 when an exercise left more than a limit of
 * heap, direct memory or threads behind and the rest was left to a fresh JVM.
 */
@API(status = API.Status.INTERNAL)
public final class ChildMain {

    static final int COMPLETED = 0;
    static final int BAD_JOB = 2;
    static final int NO_CHANNEL = 3;
    static final int RUNNER_FAILED = 4;
    static final int RESOURCES_RETAINED = 5;

    /** The line a warming child prints once it has warmed up: {@link Wire#WARMED_UP}. */
    public static final String WARMED_UP = Wire.WARMED_UP;

    /** The argument that asks for a warm-up run before the job is read: {@link Wire#WARM_UP}. */
    public static final String WARM_UP = Wire.WARM_UP;

    /**
     * Explicit configuration: the only parameters the tests run with. Implicit sources (system properties,
     * {@code junit-platform.properties}) are turned off in the request.
     */
    private static final Map<String, String> CONFIGURATION = Map.of(
            "junit.jupiter.extensions.autodetection.enabled", "false",
            "junit.jupiter.execution.parallel.enabled", "false",
            "junit.platform.execution.dryRun.enabled", "false",
            "junit.platform.output.capture.stdout", "false",
            "junit.platform.output.capture.stderr", "false",
            "junit.jupiter.testinstance.lifecycle.default", "per_method",
            "junit.platform.stacktrace.pruning.enabled", "true");

    private static final String JUPITER = "junit-jupiter";

    private ChildMain() {
    }

    /** Runs the job on standard input; never returns normally (the JVM halts). */
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildMain::killDescendants, "gradecheck-reaper"));
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Launcher launcher = createLauncher();
        RetainedResources.prepare();
        InputStream in = new BufferedInputStream(System.in);
        int exitCode = List.of(args).contains(WARM_UP) ? warmUpThenRun(launcher, in, channel) : run(launcher, in, channel);
        killDescendants();
        Runtime.getRuntime().halt(exitCode);
    }

    private static int warmUpThenRun(Launcher launcher, InputStream in, OutputStream channel) {
        Rehearsal rehearsal;
        try {
            rehearsal = Rehearsal.read(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            System.err.println("gradecheck child: cannot read the rehearsal from standard input: " + e);
            return BAD_JOB;
        }
        warmUp(launcher, rehearsal);
        rehearsal.run(launcher, in);
        System.err.println(WARMED_UP);
        System.err.flush();
        return run(launcher, in, channel);
    }

    private static int run(Launcher launcher, InputStream in, OutputStream events) {
        ChildJob job;
        try {
            job = ChildJob.read(in);
        } catch (IOException | RuntimeException e) {
            System.err.println("gradecheck child: cannot read the job from standard input: " + e);
            return BAD_JOB;
        }
        System.setIn(new ByteArrayInputStream(new byte[0]));
        try (EventChannel channel = EventChannel.create(events, job.token())) {
            return runTests(launcher, job, channel);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("gradecheck child: cannot write to the event channel: " + e);
            return NO_CHANNEL;
        }
    }

    private static int runTests(Launcher launcher, ChildJob job, EventChannel channel) {
        channel.send(Wire.READY, g -> { });
        CourseClassLoader courseLoader = CourseClassLoader.create(job.classpath());
        FailureEncoder failures = new FailureEncoder(testClasses(job.tests()));
        StackSampler sampler = StackSampler.of(channel, failures, job);
        GradingListener listener = new GradingListener(channel, failures, job.outputCapChars(), job.tests(), sampler);
        listener.startOutputSnapshots();
        sampler.start();
        RetainedResources retained = RetainedResources.startingNow(job.limits());
        Thread.currentThread().setContextClassLoader(courseLoader);
        List<List<String>> exercises = job.testsByExercise();
        int exitCode = COMPLETED;
        for (int i = 0; i < exercises.size(); i++) {
            List<String> tests = exercises.get(i);
            try {
                runExercise(launcher, tests, courseLoader, listener);
            } catch (RuntimeException | Error e) {
                // JUnit rethrows what it deems unrecoverable; report what is left rather than lose it.
                listener.unreported().forEach(t -> listener.reportMissing(t, "the test run stopped early", e));
                exitCode = RUNNER_FAILED;
                break;
            }
            if (i < exercises.size() - 1 && reportRetained(retained, job.exerciseOf(tests.get(0)), channel)) {
                return RESOURCES_RETAINED;
            }
        }
        channel.send(Wire.DONE, g -> { });
        return exitCode;
    }

    /** Runs one exercise's tests and reports every one of them. */
    private static void runExercise(Launcher launcher, List<String> tests, ClassLoader courseLoader,
                                    GradingListener listener) {
        TestSelection selection = TestSelection.resolve(tests, courseLoader);
        selection.unresolved().forEach((test, why) -> listener.reportMissing(test, why.note(), why.cause()));
        execute(launcher, selection, listener, CancellationToken.disabled());
        listener.unreported(tests).forEach(t -> listener.reportMissing(t, "the test engine did not run it", null));
    }

    /**
     * Between two exercises: whether the one that just ran left more than a limit of something behind, in which case
     * the parent is told (one event per resource) and the run stops here.
     */
    private static boolean reportRetained(RetainedResources retained, String exercise, EventChannel channel) {
        List<RetainedResources.Excess> excess = retained.overLimits();
        excess.forEach(over -> channel.send(Wire.RESOURCES_RETAINED, g -> g.write(Wire.EXERCISE, exercise)
                .write(Wire.RESOURCE, over.resource()).write(Wire.LIMIT, over.limit())));
        return !excess.isEmpty();
    }

    /** A launcher that knows the Jupiter engine and nothing found on a class path. */
    private static Launcher createLauncher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .addTestEngines(jupiter())
                .build());
    }

    /**
     * The Jupiter engine. In the child the runner is a module and the engine's package is not exported, so the engine
     * is found as the service its module provides, in the boot layer only: never through a class path, where a course
     * could add engines of its own.
     */
    private static TestEngine jupiter() {
        Module runner = ChildMain.class.getModule();
        if (runner.isNamed() && runner.getLayer() != null) {
            return ServiceLoader.load(runner.getLayer(), TestEngine.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(engine -> JUPITER.equals(engine.getId()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the Jupiter engine is not in the child's module layer"));
        }
        return new JupiterTestEngine();
    }

    static void execute(Launcher launcher, TestSelection selection, GradingListener listener,
                        CancellationToken cancellation) {
        if (selection.selectors().isEmpty()) {
            return;
        }
        launcher.execute(LauncherExecutionRequestBuilder.executionRequest(discovery(selection.selectors()))
                .listeners(listener).cancellationToken(cancellation).build());
    }

    private static LauncherDiscoveryRequest discovery(List<? extends DiscoverySelector> selectors) {
        return LauncherDiscoveryRequestBuilder.discoveryRequest()
                .selectors(selectors)
                .configurationParameters(CONFIGURATION)
                .enableImplicitConfigurationParameters(false)
                .build();
    }

    /**
     * Runs the rehearsal's warm-up cases with nothing listening and output discarded, and signs and parses a sample
     * event, so the classes a real run needs are loaded and initialized. Runs before the job exists: no course class
     * is involved, and nothing of it reaches the parent.
     */
    private static void warmUp(Launcher launcher, Rehearsal rehearsal) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(discard);
        System.setErr(discard);
        try {
            List<DiscoverySelector> cases = rehearsal.warmUpCases().stream()
                    .<DiscoverySelector>map(DiscoverySelectors::selectClass).toList();
            if (!cases.isEmpty()) {
                launcher.execute(LauncherExecutionRequestBuilder.executionRequest(discovery(cases)).build());
            }
            String sample = "{\"" + Wire.SEQ + "\":1}";
            Wire.sign(new byte[Wire.TOKEN_BYTES], sample);
            try (JsonParser parser = Wire.json().createParser(new StringReader(sample))) {
                parser.next();
                parser.getObject();
            }
        } catch (RuntimeException | LinkageError e) {
            // Only speed is lost: the real run loads what it needs itself.
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The classes of these {@code Class#method} tests. */
    static Set<String> testClasses(List<String> tests) {
        Set<String> classes = new HashSet<>();
        tests.forEach(t -> classes.add(t.substring(0, t.indexOf('#'))));
        return classes;
    }

    /** Kills every process started from this JVM, so none outlives the run. */
    private static void killDescendants() {
        try {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException noProc) {
            // No /proc in the child's sandbox: its PID namespace ends every process with it.
        }
    }
}
