package dev.gradecheck.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.TestId;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Messages for tests the sandbox had to stop or lost with their JVM. */
class StopMessagesTests {

    private static final TestId DB1 = TestId.parse("backprop.mlp.MlpHiddenTests#db1IsSummedOverTheBatch");

    @ParameterizedTest
    @CsvSource({"5000, 5 s", "1500, 1.5 s", "250, 0.25 s", "60000, 60 s", "1234, 1.234 s"})
    void writesSecondsPlainly(long millis, String expected) {
        assertEquals(expected, StopMessages.seconds(Duration.ofMillis(millis)));
    }

    @Test
    void namesTheTestAndTheLikelyCause() {
        assertEquals("`MlpHiddenTests.db1IsSummedOverTheBatch` did not finish within 5 s — an infinite loop?"
                + " (the process was stopped)", StopMessages.timedOut(DB1, Duration.ofSeconds(5)));
        assertEquals("the JVM running your code exited during `MlpHiddenTests.db1IsSummedOverTheBatch` (exit code 1)"
                + " — System.exit? an infinite recursion? out of memory?",
                StopMessages.died(DB1, new StopMessages.Death(1, false, 256)));
        assertEquals("the JVM running your code ran out of memory during `MlpHiddenTests.db1IsSummedOverTheBatch`"
                + " (heap limit 256 MB) — a huge array, or a collection that keeps growing?",
                StopMessages.died(DB1, new StopMessages.Death(3, true, 256)));
    }
}
