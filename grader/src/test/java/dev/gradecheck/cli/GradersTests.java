package dev.gradecheck.cli;

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

/** Where commands get their grader, and when a kept one is replaced. */
class GradersTests {

    @Test
    void aKeptGraderServesUntilItsCourseChanges(@TempDir Path temp) throws Exception {
        Path course = TinyCourse.write(temp.resolve("course"));
        try (Graders.Kept graders = new Graders.Kept()) {
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

    @Test
    void freshGradersAreNewEachTime(@TempDir Path temp) throws Exception {
        Path course = TinyCourse.write(temp.resolve("course"));
        Graders fresh = Graders.fresh();
        assertNotSame(fresh.grader(course), fresh.grader(course));
    }

    @Test
    void submissionsResolveAgainstTheCallersFolder(@TempDir Path temp) {
        Invocation invocation = new Invocation(temp, Graders.fresh());
        assertEquals(temp.resolve("work/sub").toString(), invocation.resolveSubmission("work/./sub"));
        assertEquals("/abs/path", invocation.resolveSubmission("/abs/path"));
        assertEquals("file:///repo.git", invocation.resolveSubmission("file:///repo.git"));
        assertEquals("git@host:repo.git", invocation.resolveSubmission("git@host:repo.git"));
        assertEquals("", invocation.resolveSubmission(""));
        assertEquals(temp.resolve("out"), invocation.resolve(Path.of("out")));
    }
}
