package dev.gradecheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.Grader;
import dev.gradecheck.testing.TinyCourse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's graders: one kept per course, and when a kept one is replaced. */
class GraderPoolIT {

    @Test
    void aKeptGraderServesUntilItsCourseChanges(@TempDir Path temp) throws Exception {
        Path course = TinyCourse.write(temp.resolve("course"));
        try (GraderPool graders = new GraderPool()) {
            Grader first = graders.grader(course);
            assertSame(first, graders.grader(course.resolve(".")), "the same course gets the same grader");
            assertTrue(first.isCurrent());
            Files.writeString(course.resolve("exercises/calc/tests/demo/calc/CalcHiddenTests.java"), "\n// edited\n",
                    StandardOpenOption.APPEND);
            assertTrue(!first.isCurrent(), "an edited hidden test makes the loaded course stale");
            Grader second = graders.grader(course);
            assertNotSame(first, second);
            assertTrue(second.isCurrent());
            assertEquals(java.util.List.of(course.toAbsolutePath().normalize()), graders.courses());
        }
    }
}
