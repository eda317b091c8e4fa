package dev.gradecheck.sandbox.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A stack sample names student-chosen identifiers: they are made printable before any message quotes them. */
class StackSampleTests {

    @Test
    void namesLoseControlAndFormatCharactersAndBackticks() {
        StackSample.Site site = new StackSample.Site("backprop.autograd.Va\u202Elue", "lo\u0007g", "Value`.java", 142);
        assertEquals("`Va?lue.lo?g` (Value?.java:142)", site.describe());
    }

    @Test
    void aSiteWithoutLineOrFileSaysSo() {
        assertEquals("`Value.log` (Value.java)", new StackSample.Site("backprop.autograd.Value", "log", "Value.java", -1)
                .describe());
        assertEquals("`Value.log`", new StackSample.Site("Value", "log", "", -1).describe());
    }
}
