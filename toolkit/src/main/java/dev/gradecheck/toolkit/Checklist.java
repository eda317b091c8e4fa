package dev.gradecheck.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/**
 * The checks of one hidden test, graded one at a time, so that each earns its share of the test's points on its
 * own: a check that fails, throws, or calls a method that is still a stub costs only its share.
 *
 * <p>The test declares how many checks it makes; after each check the credit so far ({@code passed / declared}) is
 * published as {@value Verdicts#CREDIT_KEY} and the check's diagnoses as {@value Verdicts#DIAGNOSIS_KEY}, so the
 * credit of the checks already done is on record whatever happens later. An exception thrown by a check (the
 * student's code runs inside it) becomes a failed check: {@value Stubs#NOT_IMPLEMENTED} for a stub's {@code TODO},
 * {@code threw-exception} with the student's frame otherwise. {@link #finish()} then fails the test with one line
 * per failed check, as {@link Verdicts#publish} does.
 *
 * <pre>{@code
 * Checklist checks = Checklist.of(reporter, 2);
 * checks.check("d(x.mul(y))/dx", () -> Gradients.check(...));
 * checks.check("d(x.pow(3.0))/dx", () -> Gradients.check(...));
 * checks.finish();
 * }</pre>
 *
 * <p>Not thread-safe: one test, one thread.
 */
@API(status = API.Status.STABLE)
public final class Checklist {

    private final TestReporter reporter;
    private final int declared;
    private final List<TensorCheck> done = new ArrayList<>();

    private Checklist(TestReporter reporter, int declared) {
        this.reporter = reporter;
        this.declared = declared;
    }

    /**
     * Starts a checklist.
     *
     * @param reporter the test's reporter, never null
     * @param declared how many checks the test makes, at least 1
     * @return an empty checklist
     * @throws IllegalArgumentException if {@code declared < 1}
     */
    public static Checklist of(TestReporter reporter, int declared) {
        Objects.requireNonNull(reporter, "reporter");
        if (declared < 1) {
            throw new IllegalArgumentException("a Checklist needs at least one check, was declared with " + declared);
        }
        return new Checklist(reporter, declared);
    }

    /**
     * Runs one check and records it (see the class comment for what an exception becomes).
     *
     * @param name  the check's name, used when the check throws, never null
     * @param check computes the verdict, running the student's code
     * @return the recorded verdict
     * @throws IllegalStateException if more checks run than were declared (an author error)
     */
    public TensorCheck check(String name, Supplier<TensorCheck> check) {
        Objects.requireNonNull(name, "name");
        TensorCheck verdict;
        try {
            verdict = Objects.requireNonNull(check.get(), "the check returned null");
        } catch (RuntimeException | StackOverflowError | AssertionError thrown) {
            verdict = Thrown.asCheck(name, thrown);
        }
        return add(verdict);
    }

    /**
     * Records a verdict computed by the test itself.
     *
     * @return the verdict
     * @throws IllegalStateException if more checks are added than were declared
     */
    public TensorCheck add(TensorCheck verdict) {
        Objects.requireNonNull(verdict, "verdict");
        if (done.size() == declared) {
            throw new IllegalStateException("this Checklist was declared with " + declared + " checks; "
                    + verdict.name() + " would be one more");
        }
        done.add(verdict);
        reporter.publishEntry(Verdicts.CREDIT_KEY, credit());
        verdict.diagnoses().forEach(finding -> reporter.publishEntry(Verdicts.DIAGNOSIS_KEY, finding.toJson()));
        return verdict;
    }

    /** @return the credit so far, {@code passed / declared} as a plain decimal */
    public String credit() {
        return Formats.fraction(done.stream().filter(TensorCheck::passed).count(), declared);
    }

    /** @return the verdicts recorded so far, in order */
    public List<TensorCheck> verdicts() {
        return List.copyOf(done);
    }

    /**
     * Ends the test: when some but not all checks failed publishes the {@code wrong-tensors} summary, then fails
     * the test if any check failed.
     *
     * @throws AssertionFailedError  if any check failed, one line per failed check
     * @throws IllegalStateException if fewer checks ran than were declared (an author error)
     */
    public void finish() {
        if (done.size() != declared) {
            throw new IllegalStateException("this Checklist was declared with " + declared + " checks but "
                    + done.size() + " ran");
        }
        List<String> failed = done.stream().filter(c -> !c.passed()).map(TensorCheck::name).toList();
        if (failed.isEmpty()) {
            return;
        }
        if (failed.size() < declared) {
            reporter.publishEntry(Verdicts.DIAGNOSIS_KEY,
                    BehaviourDiagnoses.wrongTensors(failed, declared).toJson());
        }
        throw new AssertionFailedError(Verdicts.failureMessage(done.toArray(TensorCheck[]::new)));
    }
}
