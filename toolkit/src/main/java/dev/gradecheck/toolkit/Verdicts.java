package dev.gradecheck.toolkit;

import dev.gradecheck.protocol.ReportEntryKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/**
 * Publishes gradient verdicts as the JUnit report entries the grader reads (see {@code docs/design.md}, "Partial
 * credit and diagnoses"): {@value #CREDIT_KEY} = the fraction of tensors that passed, and one
 * {@value #DIAGNOSIS_KEY} JSON object per diagnosis. Stateless and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Verdicts {

    /** Report-entry key of the test's credit, a decimal fraction in [0, 1]. */
    public static final String CREDIT_KEY = ReportEntryKeys.CREDIT;

    /** Report-entry key of one diagnosis, a JSON object {@code {"code":..,"text":..,"numbers":{..}}}. */
    public static final String DIAGNOSIS_KEY = ReportEntryKeys.DIAGNOSIS;

    private Verdicts() {
    }

    /**
     * Publishes credit = passed/total and every diagnosis (see {@link #findings}) as report entries; then, if any
     * check failed, fails the test with an {@link AssertionFailedError} holding one line per failed tensor: its
     * name, relative error with band, and first diagnosis.
     *
     * @param reporter the test's reporter, never null
     * @param checks   one or more verdicts, none null
     * @throws AssertionFailedError     if any check failed (after publishing)
     * @throws IllegalArgumentException if no check is given
     */
    public static void publish(TestReporter reporter, TensorCheck... checks) {
        Objects.requireNonNull(reporter, "reporter");
        List<TensorCheck> all = requireChecks(checks);
        reporter.publishEntry(CREDIT_KEY, credit(checks));
        for (Finding finding : findings(checks)) {
            reporter.publishEntry(DIAGNOSIS_KEY, finding.toJson());
        }
        failIfAnyFailed(all);
    }

    /** Same as {@link #publish(TestReporter, TensorCheck...)} for a list. */
    public static void publish(TestReporter reporter, List<TensorCheck> checks) {
        publish(reporter, checks.toArray(TensorCheck[]::new));
    }

    /**
     * Publishes one diagnosis found by a test's own logic (e.g. {@code forward-difference}), without numbers. Does
     * not fail the test and does not publish credit.
     *
     * @throws IllegalArgumentException if the code is not lower-case words joined by {@code -}
     */
    public static void diagnose(TestReporter reporter, String code, String text) {
        diagnose(reporter, new Finding(code, text));
    }

    /** Publishes one diagnosis with its numbers. Does not fail the test and does not publish credit. */
    public static void diagnose(TestReporter reporter, Finding finding) {
        Objects.requireNonNull(reporter, "reporter").publishEntry(DIAGNOSIS_KEY, finding.toJson());
    }

    /**
     * The credit {@link #publish} reports: passed/total as a plain decimal ({@code Locale}-independent), e.g.
     * {@code 0.75}, {@code 1}, {@code 0}.
     */
    public static String credit(TensorCheck... checks) {
        List<TensorCheck> all = requireChecks(checks);
        return Formats.fraction(all.stream().filter(TensorCheck::passed).count(), all.size());
    }

    /**
     * The diagnoses {@link #publish} reports: when some but not all checks failed, first a {@code wrong-tensors}
     * diagnosis naming the failed ones; then every check's diagnoses in order. Empty when all passed.
     */
    public static List<Finding> findings(TensorCheck... checks) {
        List<TensorCheck> all = requireChecks(checks);
        List<String> failed = all.stream().filter(c -> !c.passed()).map(TensorCheck::name).toList();
        List<Finding> findings = new ArrayList<>();
        if (!failed.isEmpty() && failed.size() < all.size()) {
            findings.add(BehaviourDiagnoses.wrongTensors(failed, all.size()));
        }
        all.forEach(check -> findings.addAll(check.diagnoses()));
        return findings;
    }

    /**
     * A bar chart of each check's relative error on a log scale against the pass bar {@link Gradients#PASS_BAR}, for
     * the feedback page: publish it with {@link Chart#publish} before {@link #publish} (which may fail the test). A
     * tensor whose error could not be computed (wrong shape, NaN) has no bar. Each bar is labelled with its check's
     * name up to the first {@code " ("} (e.g. {@code dW1} for {@code dW1 (net 3-4-2, vs central differences)}): the
     * title says what the checks share.
     */
    public static Chart errorChart(String title, TensorCheck... checks) {
        List<TensorCheck> all = requireChecks(checks);
        return Chart.bars(title).logScale().axis("relative error")
                .series("your gradients", all.stream().map(check -> shortName(check.name())).toList(),
                        all.stream().mapToDouble(TensorCheck::relativeError).toArray())
                .threshold(Gradients.PASS_BAR, "pass bar " + Formats.error(Gradients.PASS_BAR));
    }

    private static String shortName(String name) {
        int context = name.indexOf(" (");
        return context > 0 ? name.substring(0, context) : name;
    }

    /** The failure message of {@link #publish}: one line per failed check, empty if none failed. */
    public static String failureMessage(TensorCheck... checks) {
        return failureMessage(requireChecks(checks));
    }

    private static String failureMessage(List<TensorCheck> checks) {
        return checks.stream().filter(c -> !c.passed()).map(Verdicts::failureLine)
                .collect(Collectors.joining("\n"));
    }

    private static String failureLine(TensorCheck check) {
        String reason = check.firstDiagnosis().map(Finding::text).orElse("failed the gradient check.");
        return check.name() + ": relative error " + Formats.error(check.relativeError()) + " (" + check.band()
                + ") — " + reason;
    }

    private static void failIfAnyFailed(List<TensorCheck> checks) {
        if (checks.stream().anyMatch(c -> !c.passed())) {
            throw new AssertionFailedError(failureMessage(checks));
        }
    }

    private static List<TensorCheck> requireChecks(TensorCheck... checks) {
        Objects.requireNonNull(checks, "checks");
        if (checks.length == 0) {
            throw new IllegalArgumentException("Verdicts need at least one TensorCheck");
        }
        return Arrays.stream(checks).map(c -> Objects.requireNonNull(c, "check")).toList();
    }
}
