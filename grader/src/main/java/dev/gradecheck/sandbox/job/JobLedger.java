package dev.gradecheck.sandbox.job;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestResult;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.spec.LingeringThreads;
import dev.gradecheck.sandbox.spec.ResourceSquat;
import dev.gradecheck.sandbox.spec.TestSpec;
import dev.gradecheck.sandbox.wire.ChildEvent;
import dev.gradecheck.sandbox.wire.FailureMessage;
import dev.gradecheck.sandbox.wire.IntegrityLog;
import dev.gradecheck.sandbox.wire.Loop;
import dev.gradecheck.sandbox.wire.ReportEntries;
import dev.gradecheck.sandbox.wire.StackSample;
import dev.gradecheck.sandbox.wire.Thrown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The results of one job as they come in, over however many child JVMs it takes. The parent alone builds
 * {@link TestResult}s, here, from the child's authenticated facts (status, what was thrown, output, report entries)
 * or from what the parent itself saw (a timeout, a death). Each test gets exactly one result: the first authentic one;
 * later claims are ignored (and recorded as tampering by {@link SessionState}). Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class JobLedger {

    private static final int MAX_NOTES = 50;
    private static final int MAX_SAMPLES = 16;

    private final Map<String, TestSpec> specs = new LinkedHashMap<>();
    private final Map<TestId, TestResult> results = new HashMap<>();
    private final Map<TestId, ReportEntries> entries = new HashMap<>();
    private final Map<TestId, CapturedOutput> outputSoFar = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final IntegrityLog integrity = new IntegrityLog();
    private final Map<TestId, LingeringThreads> lingering = new LinkedHashMap<>();
    private final List<ResourceSquat> squats = new ArrayList<>();
    private final Set<TestId> rerun = new HashSet<>();
    private final Map<TestId, List<StackSample>> samples = new HashMap<>();
    private final List<Loop> loops = new ArrayList<>();
    private final int stackKilobytes;

    public JobLedger(List<TestSpec> tests, int stackKilobytes) {
        tests.forEach(t -> specs.put(t.id().toString(), t));
        this.stackKilobytes = stackKilobytes;
    }

    /** The tests without a result yet, in job order. */
    public List<TestSpec> remaining() {
        return specs.values().stream().filter(t -> !results.containsKey(t.id())).toList();
    }

    /** The still open test named {@code Class#method} by an event, if it is one of the job's. */
    Optional<TestSpec> open(String test) {
        TestSpec spec = specs.get(test);
        return spec == null || results.containsKey(spec.id()) ? Optional.empty() : Optional.of(spec);
    }

    /** The job's test named {@code Class#method}, settled or not. */
    Optional<TestSpec> spec(String test) {
        return Optional.ofNullable(specs.get(test));
    }

    boolean isDone(TestSpec test) {
        return results.containsKey(test.id());
    }

    void entry(TestSpec test, String key, String value) {
        entries.computeIfAbsent(test.id(), id -> new ReportEntries(id.toString(), notes)).accept(key, value);
    }

    /** Records the child's report of the test's end. */
    void finish(TestSpec test, ChildEvent.Finished finished) {
        if (isDone(test)) {
            return;
        }
        Verdict verdict = verdict(finished);
        ReportEntries published = entries.getOrDefault(test.id(), new ReportEntries("", notes));
        if (verdict.status() == TestStatus.PASSED && published.credit().orElse(1) < 1) {
            verdict = new Verdict(TestStatus.FAILED, "earned " + percent(published.credit().getAsDouble())
                    + " of this test's points");
        }
        results.put(test.id(), new TestResult(test.id(), verdict.status(), verdict.message(), finished.output(),
                published.credit(), published.diagnoses(), finished.duration(), published.figures()));
        if (finished.lingering().threads() > 0) {
            lingering.put(test.id(), new LingeringThreads(test.id(), finished.lingering().threads(),
                    finished.lingering().names()));
        }
    }

    /** The tests that left threads running, in job order. */
    public List<LingeringThreads> lingering() {
        return specs.values().stream().map(t -> lingering.get(t.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Records what an exercise left behind in a child (once per exercise and resource). */
    void squat(ResourceSquat squat) {
        if (!squats.contains(squat)) {
            squats.add(squat);
        }
    }

    /** What exercises left behind, in the order the children reported it. */
    public List<ResourceSquat> squats() {
        return List.copyOf(squats);
    }

    /**
     * Leaves these open tests open for a fresh child, once: what they printed and published in the child that died
     * is forgotten. False, and nothing changes, when one of them has been given a rerun before.
     */
    boolean rerun(List<TestSpec> tests) {
        if (tests.isEmpty() || tests.stream().anyMatch(test -> rerun.contains(test.id()) || isDone(test))) {
            return false;
        }
        tests.forEach(test -> {
            rerun.add(test.id());
            outputSoFar.remove(test.id());
            entries.remove(test.id());
            samples.remove(test.id());
        });
        return true;
    }

    /** Keeps the running test's latest output snapshot, for an end the parent decides. */
    void outputSoFar(TestSpec test, CapturedOutput output) {
        outputSoFar.put(test.id(), output);
    }

    /** Keeps a sample of where the running test's code is (the first {@value #MAX_SAMPLES}). */
    void sample(TestSpec test, StackSample sample) {
        List<StackSample> kept = samples.computeIfAbsent(test.id(), id -> new ArrayList<>());
        if (kept.size() < MAX_SAMPLES) {
            kept.add(sample);
        }
    }

    /**
     * Where the test's code was stuck, from its samples: in the last sample, the innermost frame whose method is on
     * the stack in every sample (a loop that calls helpers is placed in the method that loops, not in a helper it
     * happened to be in). Empty when the child sent none.
     */
    Optional<StackSample.Site> stuckAt(TestSpec test) {
        List<StackSample> kept = samples.getOrDefault(test.id(), List.of());
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        StackSample last = kept.get(kept.size() - 1);
        return last.frames().stream()
                .filter(site -> kept.stream().allMatch(sample -> sample.frames().stream()
                        .anyMatch(other -> other.methodKey().equals(site.methodKey()))))
                .findFirst()
                .or(() -> Optional.of(last.innermost()));
    }

    /** The last sample of the test, if the child sent one. */
    Optional<StackSample> lastSample(TestSpec test) {
        List<StackSample> kept = samples.getOrDefault(test.id(), List.of());
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }

    /** Records that a test of the exercise overran its limit with its code stuck at {@code site}. */
    void loop(TestSpec test, StackSample.Site site) {
        boolean known = loops.stream().anyMatch(loop -> loop.exercise().equals(test.exercise())
                && loop.site().methodKey().equals(site.methodKey()));
        if (!known) {
            loops.add(new Loop(test.exercise(), site, test.id()));
        }
    }

    /** Whether a test has overrun its limit in a method of the student's code so far. */
    public boolean hasLoops() {
        return !loops.isEmpty();
    }

    /** The methods that overran a test's limit so far, in the order seen. */
    List<Loop> loops() {
        return List.copyOf(loops);
    }

    /**
     * The loop of the test's own exercise its last sample shows it stuck in, if any: a method that already overran
     * the limit of another test of that exercise. Another exercise's loops never count.
     */
    Optional<Loop> inKnownLoop(TestSpec test) {
        Optional<StackSample> last = lastSample(test).filter(StackSample::stuck);
        return last.flatMap(sample -> loops.stream()
                .filter(loop -> loop.exercise().equals(test.exercise()) && !loop.test().equals(test.id()))
                .filter(loop -> sample.frames().stream()
                        .anyMatch(site -> site.methodKey().equals(loop.site().methodKey())))
                .findFirst());
    }

    /**
     * Records an end the parent decided (timeout, death, cap). The output is the test's last snapshot (what it
     * printed until up to a quarter second before the end; up to the end when it called System.exit); the last
     * credit and the diagnoses it published before the end are kept (the scorer gives a stopped test that credit).
     */
    public void stop(TestSpec test, TestStatus status, String message, Duration duration) {
        if (isDone(test)) {
            return;
        }
        ReportEntries published = entries.getOrDefault(test.id(), new ReportEntries("", notes));
        results.put(test.id(), new TestResult(test.id(), status, message,
                outputSoFar.getOrDefault(test.id(), CapturedOutput.NONE), published.credit(),
                published.diagnoses(), duration, published.figures()));
    }

    /** Notes something about the run as a whole (capped in number). */
    void note(String note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        }
    }

    /** Records tampering seen on a channel (see {@link IntegrityLog#record}). */
    public void integrity(IntegrityEvent.Kind kind, Optional<TestId> test, String detail) {
        integrity.record(kind, test, detail);
    }

    /** What the job saw of tampering, over all its children. */
    public Integrity integrity() {
        return integrity.integrity();
    }

    public List<String> notes() {
        return List.copyOf(notes.subList(0, Math.min(notes.size(), MAX_NOTES)));
    }

    /** All results in job order; a test nobody reported is an error (this indicates a sandbox bug). */
    public List<TestResult> results() {
        return specs.values().stream().map(t -> results.getOrDefault(t.id(), new TestResult(t.id(), TestStatus.ERROR,
                "the sandbox lost track of this test (a grader bug; please report it)", null, null, null, null)))
                .toList();
    }

    private Verdict verdict(ChildEvent.Finished finished) {
        String status = finished.status();
        Optional<Thrown> failure = finished.failure();
        String message = failure.map(f -> FailureMessage.of(f, stackKilobytes)).orElse("");
        return switch (status) {
            case Wire.SUCCESSFUL -> new Verdict(TestStatus.PASSED, "");
            case Wire.FAILED -> new Verdict(failure.map(Thrown::assertion).orElse(false) ? TestStatus.FAILED
                    : TestStatus.ERROR, withContext(finished, message));
            case Wire.ABORTED -> new Verdict(TestStatus.FAILED, withContext(finished, "the test was aborted: " + message));
            case Wire.SKIPPED -> new Verdict(TestStatus.NOT_RUN, "skipped: " + finished.note());
            case Wire.MISSING -> new Verdict(TestStatus.ERROR, finished.note());
            default -> new Verdict(TestStatus.ERROR, "the test ended in an unknown way (" + status + ")");
        };
    }

    /** Prefixes the child's note and the failing invocation, and counts failed invocations. */
    private static String withContext(ChildEvent.Finished finished, String message) {
        StringBuilder text = new StringBuilder();
        if (!finished.note().isEmpty()) {
            text.append(finished.note()).append(": ");
        }
        if (!finished.invocation().isEmpty()) {
            text.append("invocation ").append(finished.invocation());
            if (finished.failedInvocations() > 1) {
                text.append(" (").append(finished.failedInvocations()).append(" of ")
                        .append(finished.invocations()).append(" invocations failed)");
            }
            text.append(": ");
        }
        return FailureMessage.cap(text.append(message).toString());
    }

    private static String percent(double fraction) {
        return new BigDecimal(fraction * 100).setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%";
    }

    private record Verdict(TestStatus status, String message) {
    }
}
