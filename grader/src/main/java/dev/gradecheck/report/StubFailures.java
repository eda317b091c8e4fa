package dev.gradecheck.report;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises tests that lost points only because a method they call is still the template's stub, and names the
 * stubs. Such a test either has diagnoses, every one of them {@code not-implemented} (the toolkit's code for a check
 * or a prerequisite that hit a stub), or ended in error with a stub's {@code UnsupportedOperationException} whose
 * message holds {@code TODO}. Stateless.
 */
final class StubFailures {

    /** The toolkit's code for a check or test that could not run because a method is still a stub. */
    static final String NOT_IMPLEMENTED = "not-implemented";

    private static final String STUB_EXCEPTION = "java.lang.UnsupportedOperationException: ";
    /** {@code TODO: implement Value.mul(double)}: the template's wording, naming the method. */
    private static final Pattern NAMED = Pattern.compile("TODO:?\\s*implement\\s+([\\w$.]+(?:\\([^)]*\\))?)");
    /** {@code at backprop.losses.Losses.mse(Losses.java:24)}: the student's frame, when the stub names nothing. */
    private static final Pattern FRAME = Pattern.compile("at (?:[\\w$]+\\.)*([\\w$]+\\.[\\w$]+)\\(");

    private StubFailures() {
    }

    /** Whether the test lost points, and lost them only to stubs. */
    static boolean isStubOnly(TestReport test) {
        if (test.lostPoints() <= 0 || test.status() == TestStatus.NOT_RUN) {
            return false;
        }
        if (!test.diagnoses().isEmpty()) {
            return test.diagnoses().stream().allMatch(d -> NOT_IMPLEMENTED.equals(d.code()));
        }
        return test.status() == TestStatus.ERROR && isStubException(test.message());
    }

    /** The stub methods the tests ran into, first seen first, e.g. {@code Losses.mse}, {@code Value.mul(double)}. */
    static List<String> stubs(List<TestReport> tests) {
        Set<String> names = new LinkedHashSet<>();
        tests.forEach(test -> texts(test).forEach(text -> name(text).ifPresent(names::add)));
        return List.copyOf(names);
    }

    private static boolean isStubException(String message) {
        return message.startsWith(STUB_EXCEPTION) && message.lines().findFirst().orElse("").contains("TODO");
    }

    private static Stream<String> texts(TestReport test) {
        return test.diagnoses().isEmpty() ? Stream.of(test.message()) : test.diagnoses().stream().map(Diagnosis::text);
    }

    private static Optional<String> name(String text) {
        Matcher named = NAMED.matcher(text);
        if (named.find()) {
            return Optional.of(named.group(1));
        }
        Matcher frame = FRAME.matcher(text);
        return frame.find() ? Optional.of(frame.group(1)) : Optional.empty();
    }
}
