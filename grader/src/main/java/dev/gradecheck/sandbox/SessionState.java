package dev.gradecheck.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the parent knows about one child from its events: whether it is ready or done, which test or test class it is
 * in and since when. Applies the events about tests to the {@link JobLedger}; an event about a test that is not
 * open (unknown, or already settled) is ignored with a note. Not thread-safe.
 */
final class SessionState {

    private final JobLedger ledger;
    private boolean ready;
    private boolean done;
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
            open(started.test()).ifPresent(this::start);
        } else if (event instanceof ChildEvent.Entry entry) {
            open(entry.test()).ifPresent(test -> ledger.entry(test, entry.key(), entry.value()));
        } else if (event instanceof ChildEvent.OutputSoFar output) {
            open(output.test()).ifPresent(test -> ledger.outputSoFar(test, output.output()));
        } else if (event instanceof ChildEvent.Finished finished) {
            open(finished.test()).ifPresent(test -> finish(test, finished));
        }
    }

    private Optional<TestSpec> open(String test) {
        Optional<TestSpec> spec = ledger.open(test);
        if (spec.isEmpty()) {
            ledger.note("ignored an event about " + test + ", which is not an open test of this job");
        }
        return spec;
    }

    private void start(TestSpec test) {
        running = test;
        runningSinceNanos = System.nanoTime();
    }

    private void finish(TestSpec test, ChildEvent.Finished finished) {
        ledger.finish(test, finished);
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
