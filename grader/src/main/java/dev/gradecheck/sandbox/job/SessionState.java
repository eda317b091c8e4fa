package dev.gradecheck.sandbox.job;

import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.wire.ChildEvent;
import dev.gradecheck.sandbox.wire.IntegrityLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the parent knows about one child from its events: whether it is ready or done, which test or test class it is
 * in and since when. Applies the events about tests to the {@link JobLedger}, following the runner's protocol: one test
 * runs at a time, between its start and its result; entries and output belong to the running test; with none running
 * only tests that never ran are reported, never as a success. An event that breaks it (about a test not asked for,
 * already settled or not running) and every rejected line are ignored and recorded in the ledger's integrity log,
 * a rejected line with the test that was running when it was written. Not thread-safe.
 */
final class SessionState {

    private final JobLedger ledger;
    private final Set<String> settledHere = new HashSet<>();
    private boolean ready;
    private boolean done;
    private boolean resourcesRetained;
    private TestSpec running;
    private long runningSinceNanos;
    private String runningClass;
    private long lastEventNanos = System.nanoTime();
    private long stoppedAtNanos;
    private boolean stopped;

    SessionState(JobLedger ledger) {
        this.ledger = ledger;
    }

    void apply(List<ChildEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(ChildEvent event) {
        if (event instanceof ChildEvent.Rejected rejected) {
            ledger.integrity(rejected.kind(), running().map(TestSpec::id), "a line of the events file was rejected: "
                    + rejected.reason());
            return;
        }
        lastEventNanos = System.nanoTime();
        if (event instanceof ChildEvent.Ready) {
            ready = true;
        } else if (event instanceof ChildEvent.Done) {
            done = true;
        } else if (event instanceof ChildEvent.ClassStarted started) {
            runningClass = started.className();
        } else if (event instanceof ChildEvent.ClassFinished) {
            runningClass = null;
        } else if (event instanceof ChildEvent.Started started) {
            startable(started.test()).ifPresent(this::start);
        } else if (event instanceof ChildEvent.Entry entry) {
            running(entry.test(), "a report entry").ifPresent(test -> ledger.entry(test, entry.key(), entry.value()));
        } else if (event instanceof ChildEvent.OutputSoFar output) {
            running(output.test(), "output").ifPresent(test -> ledger.outputSoFar(test, output.output()));
        } else if (event instanceof ChildEvent.Sampled sampled) {
            running(sampled.test(), "a stack sample").ifPresent(test -> ledger.sample(test, sampled.sample()));
        } else if (event instanceof ChildEvent.Finished finished) {
            finishable(finished).ifPresent(test -> finish(test, finished));
        } else if (event instanceof ChildEvent.ResourcesRetained retained) {
            retained(retained);
        }
    }

    /**
     * An exercise's squat counts only between tests and when this child has settled a test of that exercise (the
     * runner checks right after an exercise's tests), so a child that reports one has always settled something.
     */
    private void retained(ChildEvent.ResourcesRetained retained) {
        if (running != null || !settledHere.contains(retained.exercise())) {
            ledger.integrity(IntegrityEvent.Kind.NOT_RUNNING_TEST, running().map(TestSpec::id), "a report of "
                    + retained.resource().wireName() + " kept by exercise '"
                    + IntegrityLog.quoted(retained.exercise()) + "', whose tests had not just run (ignored)");
            return;
        }
        resourcesRetained = true;
        ledger.squat(new ResourceSquat(retained.exercise(), retained.resource(), retained.limit()));
    }

    /** The open test an event names; an event about any other test is recorded and ignored. */
    private Optional<TestSpec> open(String test, String what) {
        Optional<TestSpec> spec = ledger.open(test);
        if (spec.isEmpty()) {
            Optional<TestSpec> known = ledger.spec(test);
            if (known.isEmpty()) {
                ledger.integrity(IntegrityEvent.Kind.UNKNOWN_TEST, running().map(TestSpec::id), what + " for "
                        + IntegrityLog.quoted(test) + ", which this job did not ask for");
            } else {
                ledger.integrity(IntegrityEvent.Kind.SECOND_RESULT, Optional.of(known.get().id()), what
                        + " for a test that already had its result (the first result is kept)");
            }
        }
        return spec;
    }

    /** A test may start only when none is running, and only once (an open test has not started before). */
    private Optional<TestSpec> startable(String test) {
        Optional<TestSpec> spec = open(test, "a start");
        if (spec.isPresent() && running != null) {
            notRunning(spec.get(), "a start while another test was running");
            return Optional.empty();
        }
        return spec;
    }

    /** Entries and output belong to the running test only. */
    private Optional<TestSpec> running(String test, String what) {
        Optional<TestSpec> spec = open(test, what);
        if (spec.isPresent() && !spec.get().equals(running)) {
            notRunning(spec.get(), what + " for a test that was not running");
            return Optional.empty();
        }
        return spec;
    }

    /**
     * A result belongs to the running test; with no test running, the runner reports only tests that never ran
     * (skipped, missing, their class failed), never a success.
     */
    private Optional<TestSpec> finishable(ChildEvent.Finished finished) {
        Optional<TestSpec> spec = open(finished.test(), "a result");
        if (spec.isEmpty() || spec.get().equals(running)) {
            return spec;
        }
        if (running != null) {
            notRunning(spec.get(), "a result for a test other than the one running");
            return Optional.empty();
        }
        if (Wire.SUCCESSFUL.equals(finished.status())) {
            notRunning(spec.get(), "a success for a test that never started");
            return Optional.empty();
        }
        return spec;
    }

    private void notRunning(TestSpec claimed, String what) {
        ledger.integrity(IntegrityEvent.Kind.NOT_RUNNING_TEST, running().map(TestSpec::id), what + ": "
                + claimed.id() + " (ignored)");
    }

    private void start(TestSpec test) {
        running = test;
        runningSinceNanos = System.nanoTime();
    }

    private void finish(TestSpec test, ChildEvent.Finished finished) {
        ledger.finish(test, finished);
        settledHere.add(test.exercise());
        if (test.equals(running)) {
            running = null;
        }
    }

    boolean ready() {
        return ready;
    }

    boolean done() {
        return done;
    }

    /** Whether the child said an exercise left too much behind (and so stopped). */
    boolean resourcesRetained() {
        return resourcesRetained;
    }

    /** Whether this child has settled a test of an exercise other than {@code exercise}. */
    boolean settledOtherThan(String exercise) {
        return settledHere.stream().anyMatch(other -> !other.equals(exercise));
    }

    /** The test started and not yet finished, if any. */
    Optional<TestSpec> running() {
        return Optional.ofNullable(running);
    }

    long runningSinceNanos() {
        return runningSinceNanos;
    }

    /** Marks the moment the parent decided the child's end: a stopped test's time ends there, not after the kill. */
    void stop() {
        if (!stopped) {
            stopped = true;
            stoppedAtNanos = System.nanoTime();
        }
    }

    /** How long the running test has run (until {@link #stop()}, if called), as the parent saw it. */
    Duration runningFor() {
        long end = stopped ? stoppedAtNanos : System.nanoTime();
        return running == null ? Duration.ZERO : Duration.ofNanos(end - runningSinceNanos);
    }

    /** The test class being run outside any requested test, if any. */
    Optional<String> runningClass() {
        return Optional.ofNullable(runningClass);
    }

    long lastEventNanos() {
        return lastEventNanos;
    }
}
