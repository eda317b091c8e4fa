package dev.gradecheck.sandbox.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Student-facing messages for what a test threw. */
class FailureMessageTests {

    private static final Thrown.Frame STUDENT = new Thrown.Frame("backprop.mlp.Mlp", "backward", "Mlp.java", 41, true);
    private static final Thrown.Frame TEST = new Thrown.Frame("backprop.mlp.MlpHiddenTests", "db1", "MlpHiddenTests.java",
            12, false);
    private static final Thrown.Frame JDK = new Thrown.Frame("java.util.ArrayList", "get", "ArrayList.java", 427, false);

    @Test
    void usesTheAssertionMessageAlone() {
        Thrown assertion = new Thrown("org.opentest4j.AssertionFailedError", "expected: <4> but was: <3>", true,
                List.of(TEST), 0, Optional.empty());
        assertEquals("expected: <4> but was: <3>", FailureMessage.of(assertion, 1024));
    }

    @Test
    void prunesACrashToTheStudentsFramesAndFollowsTheCause() {
        Thrown cause = new Thrown("java.lang.IndexOutOfBoundsException", "Index 5 out of bounds for length 5", false,
                List.of(JDK, STUDENT, TEST), 30, Optional.empty());
        Thrown wrapper = new Thrown("java.lang.IllegalStateException", "", false, List.of(TEST), 0, Optional.of(cause));
        assertEquals("java.lang.IllegalStateException\n"
                + "caused by java.lang.IndexOutOfBoundsException: Index 5 out of bounds for length 5\n"
                + "  at backprop.mlp.Mlp.backward(Mlp.java:41)\n"
                + "  … 30 more frames", FailureMessage.of(wrapper, 1024));
    }

    @Test
    void foldsARecursionAndNamesTheLikelyCause() {
        List<Thrown.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            frames.add(new Thrown.Frame("backprop.deep.Graph", "visit", "Graph.java", 9, true));
        }
        Thrown overflow = new Thrown("java.lang.StackOverflowError", "", false, frames, 976, Optional.empty());
        assertEquals("java.lang.StackOverflowError — an infinite recursion? The stack (1024 KB) ran out; use a loop"
                + " instead of deep recursion\n"
                + "  at backprop.deep.Graph.visit(Graph.java:9) (48 times in a row)\n"
                + "  … 976 more frames", FailureMessage.of(overflow, 1024));
    }

    @Test
    void capsLongMessages() {
        Thrown huge = new Thrown("java.lang.AssertionError", "x".repeat(10_000), true, List.of(), 0, Optional.empty());
        String message = FailureMessage.of(huge, 1024);
        assertEquals(FailureMessage.MAX_CHARS, message.length());
        assertTrue(message.endsWith("…"));
    }
}
