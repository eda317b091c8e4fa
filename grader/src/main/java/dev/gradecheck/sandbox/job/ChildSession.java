package dev.gradecheck.sandbox.job;

import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.SandboxSettings;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.spec.WarmUp;
import dev.gradecheck.sandbox.isolation.ChildUsers;
import dev.gradecheck.sandbox.isolation.IsolationPlan;
import dev.gradecheck.sandbox.isolation.ProcessTree;
import dev.gradecheck.sandbox.isolation.Spawner;
import dev.gradecheck.sandbox.runtime.ChildCommand;
import dev.gradecheck.sandbox.runtime.ChildFolder;
import dev.gradecheck.sandbox.runtime.RunFolder;
import dev.gradecheck.sandbox.wire.EventReader;
import dev.gradecheck.sandbox.wire.JobMessage;
import dev.gradecheck.sandbox.wire.SquatLimits;
import dev.gradecheck.sandbox.wire.StackSample;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * One child JVM, from start to end: starts it, sends it the job on its standard input, follows its events, enforces
 * the limits, kills its process tree, and settles in the {@link JobLedger} every test it owed a result for.
 *
 * <p>Limits are the parent's: a started test gets its own time limit plus a small grace, the time between tests is
 * bounded too, and the job's deadline caps everything. A child that dies or is killed leaves the test it was running
 * (or, outside any test, the test class it was preparing) with an error or timeout. If that would leave no test
 * settled by this child, the first test it owed is settled instead, so every child settles at least one test and a
 * job's restarts always end. A child that says an exercise left too much behind stops after that exercise's tests; a
 * test that runs out of memory in a child that had run another exercise's tests first is left for a fresh child, once
 * (see {@link #settleDeath}). Not thread-safe; used once.
 */
@API(status = API.Status.INTERNAL)
public final class ChildSession {

    /** How the child ended. */
    public enum Ending {
        /** It ran everything and said so. */
        COMPLETED,
        /** It exited (or was killed by a signal) before saying it was done. */
        EXITED,
        /** A test overran its time limit and the child was killed. */
        TIMED_OUT,
        /**
         * A test was seen stuck in a method that had already overrun another test's limit in the same exercise, and
         * the child was killed.
         */
        STOPPED_IN_LOOP,
        /** Outside any test, it showed no sign of life for too long and was killed. */
        HUNG,
        /** The job's time ran out and the child was killed; nothing more runs. */
        CAP_REACHED,
        /** The grader's thread was interrupted; the child was killed and nothing more runs. */
        INTERRUPTED,
        /**
         * Between two exercises, the child said the earlier one left too much behind and stopped; the rest runs in a
         * fresh child.
         */
        RESOURCES_RETAINED
    }

    static final Duration GRACE = Duration.ofMillis(300);
    /**
     * How long a test must have run, and been seen in a method that already overran a limit in its exercise, before
     * it is stopped (see {@link JobLedger#inKnownLoop}).
     */
    public static final Duration LOOP_PATIENCE = Duration.ofMillis(500);
    static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 10;
    private static final int TRACK_EVERY_POLLS = 20;
    private static final Duration KILL_PATIENCE = Duration.ofSeconds(5);
    private static final int MAX_EVENT_LINE_BYTES = 4 * 1024 * 1024;
    private static final long MAX_EVENTS_BYTES = 256L * 1024 * 1024;
    private static final int TAIL_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxSettings settings;
    private final IsolationPlan plan;
    private final RunFolder folder;
    private final JobLedger ledger;
    private final Path workDirectory;
    private final long deadlineNanos;
    private final List<TestSpec> owed;
    private final SessionState state;
    private final Optional<StartedChild> started;

    /**
     * A session for the ledger's remaining tests, in {@code started} (a child started ahead of its job, which this
     * session then owns) or, when empty, in a child it starts itself.
     */
    public ChildSession(SandboxSettings settings, IsolationPlan plan, RunFolder folder, JobLedger ledger, Path workDirectory,
                 long deadlineNanos, Optional<StartedChild> started) {
        this.settings = settings;
        this.plan = plan;
        this.folder = folder;
        this.ledger = ledger;
        this.workDirectory = workDirectory;
        this.deadlineNanos = deadlineNanos;
        this.owed = ledger.remaining();
        this.state = new SessionState(ledger);
        this.started = started;
    }

    /**
     * A child JVM that has started and waits for its job on standard input, with its private files. What goes to its
     * standard input before the job (a rehearsal, a sign that the job is coming) is written in the background, in
     * order, so starting a child never waits for the child.
     */
    public static final class StartedChild {

        private final ChildFolder files;
        private final Process process;
        private final Optional<ChildUsers.Lease> user;
        private CompletableFuture<Void> input = CompletableFuture.completedFuture(null);
        private volatile boolean warmingUp;
        private boolean jobExpected;

        StartedChild(ChildFolder files, Process process, Optional<ChildUsers.Lease> user) {
            this.files = files;
            this.process = process;
            this.user = user;
        }

        /** Kills its process tree and gives its user id back. */
        void end(ProcessTree tree) {
            tree.kill(KILL_PATIENCE);
            user.ifPresent(ChildUsers.Lease::close);
        }

        ChildFolder files() {
            return files;
        }

        public Process process() {
            return process;
        }

        /** Sends the warm-up's rehearsal. */
        void sendRehearsal(WarmUp warmUp) {
            warmingUp = true;
            writeLater(warmUp::writeTo);
        }

        /** Whether it was started with a warm-up (and will say when it has warmed up). */
        public boolean warmingUp() {
            return warmingUp;
        }

        /**
         * Tells a rehearsing child to stop: its job is coming. A blank, which the job's JSON reader skips; sent once,
         * however often this is called.
         */
        public synchronized void expectJob() {
            if (!jobExpected) {
                jobExpected = true;
                writeLater(stdin -> stdin.write(' '));
            }
        }

        /**
         * Waits, at most {@code limit}, until the child says it has warmed up, or has died; whether it has warmed up.
         */
        public boolean awaitWarmedUp(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!saysWarmedUp() && process.isAlive() && System.nanoTime() - deadline < 0) {
                try {
                    process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return saysWarmedUp();
        }

        private boolean saysWarmedUp() {
            return FileTail.of(files.stderr(), 4096).contains(Wire.WARMED_UP);
        }

        /** Waits until everything sent ahead of the job is written (or the child has died). */
        void awaitInput() {
            try {
                input.join();
            } catch (CompletionException e) {
                // The child died or could not read: following it shows how it ended.
            }
        }

        /** Kills it, for a child that will get no job; it would end by itself when its standard input closes. */
        public void discard() {
            end(new ProcessTree(process));
        }

        private synchronized void writeLater(InputWriter writer) {
            input = input.handle((ignored, failure) -> null).thenRunAsync(() -> {
                try {
                    OutputStream stdin = process.getOutputStream();
                    writer.write(stdin);
                    stdin.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, ChildSession::startDaemon);
        }

        private interface InputWriter {
            void write(OutputStream stdin) throws IOException;
        }
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "gradecheck-child-input");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a child JVM in a new folder of {@code folder}; it waits for its job on standard input. With a
     * {@code warmUp}, it warms up first (and rehearses, if the warm-up has a rehearsal). Throws
     * {@link IllegalStateException} when the JVM cannot be started at all.
     */
    public static StartedChild start(SandboxSettings settings, IsolationPlan plan, RunFolder folder, Path workDirectory,
                              Optional<WarmUp> warmUp) throws IOException {
        Optional<ChildUsers.Lease> user = plan.users().isPresent() ? Optional.of(plan.users().get().lease())
                : Optional.empty();
        OptionalInt uid = user.map(lease -> OptionalInt.of(lease.uid())).orElse(plan.childUid());
        StartedChild child;
        try {
            ChildFolder files = folder.newChild(uid);
            List<String> command = ChildCommand.of(settings, plan, folder, files, uid, warmUp.isPresent());
            ProcessBuilder builder = ChildCommand.withCleanEnvironment(new ProcessBuilder(command))
                    .directory(workDirectory.toFile())
                    .redirectOutput(files.eventsFile().toFile())
                    .redirectError(files.stderr().toFile());
            child = new StartedChild(files, Spawner.start(builder), user);
        } catch (IOException | RuntimeException e) {
            user.ifPresent(ChildUsers.Lease::close);
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("Cannot run")) {
                throw new IllegalStateException("the sandbox cannot start a child JVM with "
                        + settings.javaExecutable() + ": " + e.getMessage(), e);
            }
            throw e;
        }
        warmUp.ifPresent(child::sendRehearsal);
        return child;
    }

    /**
     * Runs the owed tests in one child and settles them. Throws {@link IllegalStateException} when the child JVM
     * cannot start at all (a problem of the grader's installation; no student code has run by then).
     */
    public Ending run() throws IOException {
        StartedChild child = started.isPresent() ? started.get()
                : start(settings, plan, folder, workDirectory, Optional.empty());
        ChildFolder files = child.files();
        byte[] token = new byte[Wire.TOKEN_BYTES];
        RANDOM.nextBytes(token);
        ProcessTree tree = new ProcessTree(child.process());
        try (EventReader reader = new EventReader(files.eventsFile(), token, MAX_EVENT_LINE_BYTES, MAX_EVENTS_BYTES)) {
            child.awaitInput();
            JobMessage.send(tree.process(), token, settings.outputCapChars(), folder.courseClasspath(), owed,
                    SquatLimits.of(settings), ledger.loops(), LOOP_PATIENCE);
            Ending followed = follow(tree, reader, files);
            state.stop();
            tree.kill(KILL_PATIENCE);
            state.apply(reader.poll());
            Ending ending = followed == Ending.EXITED && state.resourcesRetained() ? Ending.RESOURCES_RETAINED
                    : followed;
            settle(ending, tree.process(), files);
            return ending;
        } finally {
            child.end(tree);
        }
    }

    /** Follows the child's events until it ends or a limit is reached. */
    private Ending follow(ProcessTree tree, EventReader reader, ChildFolder files) throws IOException {
        long startNanos = System.nanoTime();
        Duration idleLimit = idleLimit();
        for (int polls = 1; ; polls++) {
            state.apply(reader.poll());
            Optional<Ending> ending = ending(tree.process(), startNanos, idleLimit, files);
            if (ending.isPresent()) {
                return ending.get();
            }
            if (polls % TRACK_EVERY_POLLS == 0) {
                tree.track();
            }
            if (!sleep(tree.process())) {
                return Ending.INTERRUPTED;
            }
        }
    }

    /** How the child ends now, if it does: it ended by itself, or a limit says it must. */
    private Optional<Ending> ending(Process process, long startNanos, Duration idleLimit, ChildFolder files) {
        if (state.resourcesRetained()) {
            return Optional.of(Ending.RESOURCES_RETAINED);
        }
        if (!process.isAlive() || state.done()) {
            return Optional.of(state.done() ? awaitExit(process) : Ending.EXITED);
        }
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
            return Optional.of(Ending.CAP_REACHED);
        }
        if (!state.ready() && now - startNanos > STARTUP_LIMIT.toNanos()) {
            throw new IllegalStateException("the sandbox's child JVM did not start within "
                    + StopMessages.seconds(STARTUP_LIMIT) + "; its error output ends with: " + stderrTail(files));
        }
        Optional<TestSpec> running = state.running();
        if (running.isPresent() && now - state.runningSinceNanos() > running.get().timeout().plus(GRACE).toNanos()) {
            return Optional.of(Ending.TIMED_OUT);
        }
        if (running.isPresent() && now - state.runningSinceNanos() >= LOOP_PATIENCE.toNanos()
                && ledger.inKnownLoop(running.get()).isPresent()) {
            return Optional.of(Ending.STOPPED_IN_LOOP);
        }
        if (state.ready() && running.isEmpty() && now - state.lastEventNanos() > idleLimit.toNanos()) {
            return Optional.of(Ending.HUNG);
        }
        return Optional.empty();
    }

    private Ending awaitExit(Process process) {
        try {
            process.waitFor(KILL_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Ending.COMPLETED;
    }

    private static boolean sleep(Process process) {
        try {
            process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Between tests a child may load and initialize classes: the longest test limit, at least the settings' limit. */
    private Duration idleLimit() {
        Duration longest = owed.stream().map(TestSpec::timeout).max(Duration::compareTo).orElse(Duration.ZERO);
        Duration minimum = settings.betweenTestsLimit();
        return (longest.compareTo(minimum) > 0 ? longest : minimum).plus(GRACE);
    }

    private void settle(Ending ending, Process process, ChildFolder files) {
        if (!state.ready() && ending != Ending.CAP_REACHED && ending != Ending.INTERRUPTED) {
            throw new IllegalStateException("the sandbox's child JVM failed before running any test (exit code "
                    + exitCode(process) + "); its error output ends with: " + stderrTail(files));
        }
        switch (ending) {
            case COMPLETED -> settleUnreported();
            case EXITED -> settleDeath(death(process, files));
            case TIMED_OUT -> settleTimeout();
            case STOPPED_IN_LOOP -> settleLoop();
            case HUNG -> settleHang();
            case CAP_REACHED -> settleCap();
            case INTERRUPTED -> settleInterrupted();
            case RESOURCES_RETAINED -> {
                // The child settled the culprit's tests; the rest are left open for a fresh child.
            }
            default -> throw new IllegalStateException("unknown ending " + ending);
        }
    }

    private void settleUnreported() {
        openOwed().forEach(test -> ledger.stop(test, TestStatus.ERROR, "no authentic result arrived for "
                + StopMessages.name(test.id()) + " (was the events file tampered with?)", Duration.ZERO));
    }

    /**
     * The running test dies with the JVM; outside any test, the tests of the class being prepared do. When the JVM
     * ran out of memory after running another exercise's tests, which may have left that memory in use, the dying
     * tests are run again in a fresh child instead, once: a test that runs out of memory there too, with nothing
     * else run before it, has only itself to blame.
     */
    private void settleDeath(StopMessages.Death death) {
        List<TestSpec> dying = state.running().map(List::of)
                .orElseGet(() -> state.runningClass().map(this::openOwedOf).orElse(List.of()));
        if (death.outOfMemory() && victimsOfAnotherExercise(dying) && ledger.rerun(dying)) {
            dying.forEach(test -> ledger.note(StopMessages.name(test.id()) + " ran out of memory in a JVM that had"
                    + " run another exercise's tests before it; it was run again in a fresh JVM"));
        } else if (state.running().isPresent()) {
            TestSpec test = state.running().get();
            ledger.stop(test, TestStatus.ERROR, StopMessages.died(test.id(), death), state.runningFor());
        } else {
            state.runningClass().ifPresent(testClass -> dying.forEach(test -> ledger.stop(test,
                    TestStatus.ERROR, StopMessages.diedPreparing(testClass, death), Duration.ZERO)));
        }
        if (!settledAny()) {
            TestSpec first = openOwed().get(0);
            ledger.stop(first, TestStatus.ERROR, StopMessages.diedBefore(first.id(), death), Duration.ZERO);
        }
    }

    /** Whether these tests (of one exercise) died in a child that had settled another exercise's tests. */
    private boolean victimsOfAnotherExercise(List<TestSpec> dying) {
        return !dying.isEmpty() && dying.stream().allMatch(test -> state.settledOtherThan(test.exercise()));
    }

    /**
     * The running test overran its limit: its message says where its code was, and that method is remembered, so the
     * exercise's later tests found stuck in it are stopped early.
     */
    private void settleTimeout() {
        state.running().ifPresent(test -> {
            Optional<StackSample> last = ledger.lastSample(test);
            Optional<StackSample.Site> stuck = ledger.stuckAt(test);
            ledger.stop(test, TestStatus.TIMEOUT, StopMessages.timedOut(test.id(), test.timeout(), last, stuck),
                    state.runningFor());
            stuck.ifPresent(site -> ledger.loop(test, site));
        });
        settleFirstIfNoneSettled(TestStatus.TIMEOUT, StopMessages.hungBefore(openOwedFirstId(), idleLimit()));
    }

    /** The running test was found in a method that already overran another test's limit in its exercise. */
    private void settleLoop() {
        state.running().ifPresent(test -> ledger.inKnownLoop(test).ifPresent(loop -> ledger.stop(test,
                TestStatus.TIMEOUT, StopMessages.stoppedInLoop(test.id(), state.runningFor(),
                        ledger.lastSample(test).orElseThrow(), loop), state.runningFor())));
    }

    private void settleHang() {
        Duration idle = idleLimit();
        state.runningClass().ifPresent(testClass -> openOwedOf(testClass).forEach(test -> ledger.stop(test,
                TestStatus.TIMEOUT, StopMessages.hungPreparing(testClass, idle), Duration.ZERO)));
        settleFirstIfNoneSettled(TestStatus.TIMEOUT, StopMessages.hungBefore(openOwedFirstId(), idle));
    }

    private void settleCap() {
        state.running().ifPresent(test -> ledger.stop(test, TestStatus.TIMEOUT,
                StopMessages.capReached(test.id(), settings.wallClockCap()), state.runningFor()));
        openOwed().forEach(test -> ledger.stop(test, TestStatus.NOT_RUN,
                StopMessages.notRunCapReached(settings.wallClockCap()), Duration.ZERO));
    }

    private void settleInterrupted() {
        openOwed().forEach(test -> ledger.stop(test, TestStatus.NOT_RUN, "not run: grading was interrupted",
                Duration.ZERO));
    }

    private void settleFirstIfNoneSettled(TestStatus status, String message) {
        if (!settledAny()) {
            ledger.stop(openOwed().get(0), status, message, Duration.ZERO);
        }
    }

    private boolean settledAny() {
        return openOwed().size() < owed.size();
    }

    private TestId openOwedFirstId() {
        List<TestSpec> open = openOwed();
        return open.isEmpty() ? owed.get(0).id() : open.get(0).id();
    }

    private List<TestSpec> openOwed() {
        return owed.stream().filter(test -> !ledger.isDone(test)).toList();
    }

    private List<TestSpec> openOwedOf(String testClass) {
        return openOwed().stream().filter(test -> test.id().className().equals(testClass)).toList();
    }

    private StopMessages.Death death(Process process, ChildFolder files) {
        boolean outOfMemory = FileTail.of(files.stderr(), TAIL_BYTES).contains("OutOfMemoryError");
        return new StopMessages.Death(exitCode(process), outOfMemory, settings.heapMegabytes());
    }

    private static int exitCode(Process process) {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static String stderrTail(ChildFolder files) {
        String tail = FileTail.of(files.stderr(), 2000).strip();
        return tail.isEmpty() ? "(nothing)" : tail;
    }
}
