package dev.gradecheck.child;

import dev.gradecheck.protocol.Wire;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit execution of the requested test methods into events: one {@code started} and one {@code finished}
 * per requested method, report entries in between, and {@code class-started}/{@code class-finished} around each test
 * class so the parent knows where a crash outside any test happened.
 *
 * <p>A requested method is reported at its method level: for a parameterized (or other templated) method, the
 * invocations below it are folded in, and the method fails with its first failing invocation. While a method runs,
 * what its own threads (the one running it and those started since it started, see {@link TestThreads}) print to
 * {@code System.out} and {@code System.err} is its output; what other threads print (one left running by an earlier
 * test) and anything printed between methods goes nowhere. A method's own threads still alive when it ends are
 * reported with its result ({@link Wire#LINGERING}).
 *
 * <p>Used by the launcher's thread only (execution is sequential), but {@link #reportMissing} may be called after
 * execution from the main thread.
 */
final class GradingListener implements TestExecutionListener {

    static final long SNAPSHOT_MILLIS = 250;

    private final Object snapshotLock = new Object();
    private volatile RunningTest current;
    private long sentPrinted;

    private final EventChannel channel;
    private final FailureEncoder failures;
    private final int outputCapChars;
    private final Map<String, List<String>> requestedByClass = new LinkedHashMap<>();
    private final Set<String> reported = new LinkedHashSet<>();
    private final Map<String, RunningTest> running = new HashMap<>();
    private final RoutedOutput routed = new RoutedOutput();
    private final StackSampler sampler;
    private TestPlan plan;

    GradingListener(EventChannel channel, FailureEncoder failures, int outputCapChars, List<String> requested) {
        this(channel, failures, outputCapChars, requested, StackSampler.none());
    }

    /** A listener that tells {@code sampler} when each requested test starts and ends. */
    GradingListener(EventChannel channel, FailureEncoder failures, int outputCapChars, List<String> requested,
                    StackSampler sampler) {
        this.sampler = sampler;
        this.channel = channel;
        this.failures = failures;
        this.outputCapChars = outputCapChars;
        for (String test : requested) {
            requestedByClass.computeIfAbsent(classOf(test), c -> new ArrayList<>()).add(test);
        }
        PrintStream out = new PrintStream(routed, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        Optional<String> test = requestedMethod(identifier);
        if (test.isPresent() && enclosingRunningTest(identifier).isEmpty()) {
            start(identifier, test.get());
        } else if (enclosingRunningTest(identifier).isEmpty()) {
            className(identifier).ifPresent(c -> channel.send(Wire.CLASS_STARTED, g -> g.write(Wire.CLASS, c)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        RunningTest test = running.remove(identifier.getUniqueId());
        if (test != null) {
            finish(test, result);
            return;
        }
        Optional<RunningTest> enclosing = enclosingRunningTest(identifier);
        if (enclosing.isPresent()) {
            enclosing.get().recordPart(identifier, result);
            return;
        }
        className(identifier).ifPresent(c -> finishClass(c, result));
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (enclosingRunningTest(identifier).isPresent()) {
            return;
        }
        Optional<String> test = requestedMethod(identifier);
        if (test.isPresent()) {
            reportSkipped(test.get(), reason);
        } else {
            className(identifier).ifPresent(c -> unreported(c).forEach(t -> reportSkipped(t, reason)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        Optional<RunningTest> test = running.containsKey(identifier.getUniqueId())
                ? Optional.of(running.get(identifier.getUniqueId()))
                : enclosingRunningTest(identifier);
        test.ifPresent(t -> entry.getKeyValuePairs().forEach((key, value) -> channel.send(Wire.ENTRY,
                g -> g.write(Wire.TEST, t.test()).write(Wire.KEY, key).write(Wire.VALUE, value))));
    }

    /** Reports a requested test that never ran as {@link Wire#MISSING} (or with its load failure), once. */
    void reportMissing(String test, String note, Throwable cause) {
        if (!reported.add(test)) {
            return;
        }
        channel.send(Wire.FINISHED, g -> {
            g.write(Wire.TEST, test).write(Wire.STATUS, cause == null ? Wire.MISSING : Wire.FAILED).write(Wire.NOTE, note);
            if (cause != null) {
                failures.write(g, Wire.FAILURE, cause);
            }
        });
    }

    /** The requested tests that have not been reported yet, in request order. */
    List<String> unreported() {
        return requestedByClass.values().stream().flatMap(List::stream).filter(t -> !reported.contains(t)).toList();
    }

    /** These requested tests that have not been reported yet, in the order given. */
    List<String> unreported(List<String> tests) {
        return tests.stream().filter(t -> !reported.contains(t)).toList();
    }

    private List<String> unreported(String className) {
        return requestedByClass.getOrDefault(className, List.of()).stream().filter(t -> !reported.contains(t)).toList();
    }

    /**
     * Sends the running test's output so far, if it printed anything since the last time: called every
     * {@link #SNAPSHOT_MILLIS} by a daemon thread and once more when the JVM shuts down (System.exit), so a test that
     * is killed or exits keeps what it printed until shortly before. Never after the test's own result: its end
     * takes the same lock.
     */
    void sendOutputSoFar() {
        synchronized (snapshotLock) {
            RunningTest test = current;
            if (test == null) {
                return;
            }
            long printed = test.output().printed();
            if (printed == sentPrinted) {
                return;
            }
            sentPrinted = printed;
            channel.send(Wire.OUTPUT_SO_FAR, g -> g.write(Wire.TEST, test.test())
                    .write(Wire.OUTPUT, test.output().text())
                    .write(Wire.DROPPED, test.output().droppedChars()));
        }
    }

    /** Starts the thread and the shutdown hook that call {@link #sendOutputSoFar()}. */
    void startOutputSnapshots() {
        Thread snapshots = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(SNAPSHOT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                sendOutputSoFar();
            }
        }, "gradecheck-output-snapshots");
        snapshots.setDaemon(true);
        snapshots.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::sendOutputSoFar, "gradecheck-last-output"));
    }

    private void start(TestIdentifier identifier, String test) {
        RunningTest runningTest = new RunningTest(test, new OutputCapture(outputCapChars), System.nanoTime(),
                TestThreads.startingNow());
        running.put(identifier.getUniqueId(), runningTest);
        channel.send(Wire.STARTED, g -> g.write(Wire.TEST, test));
        synchronized (snapshotLock) {
            current = runningTest;
            sentPrinted = 0;
        }
        sampler.started(test, Thread.currentThread(), runningTest.startNanos());
    }

    private void finish(RunningTest test, TestExecutionResult ownResult) {
        long durationNanos = System.nanoTime() - test.startNanos();
        sampler.finished();
        synchronized (snapshotLock) {
            current = null;
        }
        List<Thread> lingering = test.threads().lingering();
        reported.add(test.test());
        TestExecutionResult result = test.outcome(ownResult);
        channel.send(Wire.FINISHED, g -> {
            g.write(Wire.TEST, test.test())
                    .write(Wire.STATUS, result.getStatus().name())
                    .write(Wire.OUTPUT, test.output().text())
                    .write(Wire.DROPPED, test.output().droppedChars())
                    .write(Wire.DURATION_NANOS, durationNanos)
                    .write(Wire.INVOCATIONS, test.parts())
                    .write(Wire.FAILED_INVOCATIONS, test.failedParts());
            if (!lingering.isEmpty()) {
                g.write(Wire.LINGERING, lingering.size());
                g.writeStartArray(Wire.LINGERING_NAMES);
                TestThreads.names(lingering).forEach(g::write);
                g.writeEnd();
            }
            if (result != ownResult) {
                test.failedPartName().ifPresent(name -> g.write(Wire.INVOCATION, name));
            }
            result.getThrowable().ifPresent(thrown -> failures.write(g, Wire.FAILURE, thrown));
        });
    }

    /** A class that ends with requested tests unreported failed before them (e.g. in {@code @BeforeAll}). */
    private void finishClass(String className, TestExecutionResult result) {
        for (String test : unreported(className)) {
            reported.add(test);
            channel.send(Wire.FINISHED, g -> {
                g.write(Wire.TEST, test)
                        .write(Wire.STATUS, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                                ? Wire.MISSING : result.getStatus().name())
                        .write(Wire.NOTE, "its test class `" + simpleName(className) + "` did not run it");
                result.getThrowable().ifPresent(thrown -> failures.write(g, Wire.FAILURE, thrown));
            });
        }
        channel.send(Wire.CLASS_FINISHED, g -> g.write(Wire.CLASS, className));
    }

    private void reportSkipped(String test, String reason) {
        if (reported.add(test)) {
            channel.send(Wire.FINISHED, g -> g.write(Wire.TEST, test).write(Wire.STATUS, Wire.SKIPPED)
                    .write(Wire.NOTE, reason == null ? "skipped" : reason));
        }
    }

    private Optional<String> requestedMethod(TestIdentifier identifier) {
        TestSource source = identifier.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String test = method.getClassName() + "#" + method.getMethodName();
            return requestedByClass.getOrDefault(method.getClassName(), List.of()).contains(test)
                    ? Optional.of(test) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> className(TestIdentifier identifier) {
        TestSource source = identifier.getSource().orElse(null);
        return source instanceof ClassSource c ? Optional.of(c.getClassName()) : Optional.empty();
    }

    private Optional<RunningTest> enclosingRunningTest(TestIdentifier identifier) {
        if (running.isEmpty() || plan == null) {
            return Optional.empty();
        }
        Optional<TestIdentifier> parent = plan.getParent(identifier);
        while (parent.isPresent()) {
            RunningTest test = running.get(parent.get().getUniqueId());
            if (test != null) {
                return Optional.of(test);
            }
            parent = plan.getParent(parent.get());
        }
        return Optional.empty();
    }

    /** {@code System.out} and {@code System.err}: the running test's capture, for its own threads only. */
    private final class RoutedOutput extends java.io.OutputStream {

        @Override
        public void write(int b) {
            RunningTest test = current;
            if (test != null && test.threads().owns(Thread.currentThread())) {
                test.output().write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            RunningTest test = current;
            if (test != null && test.threads().owns(Thread.currentThread())) {
                test.output().write(bytes, offset, length);
            }
        }
    }

    private static String classOf(String test) {
        return test.substring(0, test.indexOf('#'));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
