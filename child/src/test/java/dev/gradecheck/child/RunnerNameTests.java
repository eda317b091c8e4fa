package dev.gradecheck.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.protocol.Wire;
import org.junit.jupiter.api.Test;

/** The grader starts the runner by the name the protocol gives: it must be the runner's main class. */
class RunnerNameTests {

    @Test
    void theProtocolNamesTheRunnersMainClassAndItsArguments() {
        assertEquals(ChildMain.class.getName(), Wire.RUNNER_MAIN);
        assertEquals(Wire.WARM_UP, ChildMain.WARM_UP);
        assertEquals(Wire.WARMED_UP, ChildMain.WARMED_UP);
    }
}
