package dev.gradecheck.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Per-test output capture: keeps the first characters, counts the rest, in bounded memory. */
class OutputCaptureTests {

    @Test
    void keepsEverythingUnderTheCap() {
        OutputCapture capture = new OutputCapture(100);
        capture.printStream().print("héllo ✓");
        assertEquals("héllo ✓", capture.text());
        assertEquals(0, capture.droppedChars());
    }

    @Test
    void cutsAtACharacterBoundaryAndCountsDroppedCharacters() {
        OutputCapture capture = new OutputCapture(3);
        PrintStream out = capture.printStream();
        out.print("aé✓");
        out.print("😀b");
        assertEquals("aé✓", capture.text());
        assertEquals(2, capture.droppedChars());
    }

    @Test
    void countsAFloodWithoutKeepingIt() {
        OutputCapture capture = new OutputCapture(10);
        PrintStream out = capture.printStream();
        String line = "x".repeat(999);
        for (int i = 0; i < 10_000; i++) {
            out.println(line);
        }
        assertEquals("x".repeat(10), capture.text());
        assertEquals(10_000_000 - 10, capture.droppedChars());
    }

    @Test
    void keepsNothingWithAZeroCap() {
        OutputCapture capture = new OutputCapture(0);
        capture.printStream().print("abc");
        assertEquals("", capture.text());
        assertEquals(3, capture.droppedChars());
    }
}
