package dev.gradecheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grader's hints are generic; a course's own (from {@code course.json}) follow them. */
class CompileHintsTests {

    private static final String CANT_RESOLVE = "compiler.err.cant.resolve.location";

    @Test
    void theGenericHintsNameNoCourseClass() {
        assertFalse(CompileHints.forCode(CANT_RESOLVE).contains("Matrix"));
        assertFalse(CompileHints.forCode("compiler.err.operator.cant.be.applied.1").contains("Matrix"));
    }

    @Test
    void aCourseHintFollowsTheGenericOne() {
        Map<String, String> course = Map.of(CANT_RESOLVE, "Import the course's classes like `import ds.stack.IntStack;`.",
                "compiler.err.unknown.code", "Only the course has a hint here.");

        assertEquals(CompileHints.forCode(CANT_RESOLVE) + " Import the course's classes like `import ds.stack.IntStack;`.",
                CompileHints.forCode(CANT_RESOLVE, course));
        assertEquals("Only the course has a hint here.", CompileHints.forCode("compiler.err.unknown.code", course));
        assertEquals(CompileHints.forCode("compiler.err.premature.eof"),
                CompileHints.forCode("compiler.err.premature.eof", course));
    }
}
