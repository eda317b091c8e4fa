package dev.gradecheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.gradecheck.testing.TinyCourse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a one-off run gets its grader, and how a request resolves the caller's paths. */
class GradersTests {

    @Test
    void freshGradersAreNewEachTime(@TempDir Path temp) throws Exception {
        Path course = TinyCourse.write(temp.resolve("course"));
        Graders fresh = Graders.fresh();
        assertNotSame(fresh.grader(course), fresh.grader(course));
    }

    @Test
    void submissionsResolveAgainstTheCallersFolder(@TempDir Path temp) {
        assertEquals(temp.resolve("work/sub").toString(), GradingRequest.resolveSubmission(temp, "work/./sub"));
        assertEquals("/abs/path", GradingRequest.resolveSubmission(temp, "/abs/path"));
        assertEquals("file:///repo.git", GradingRequest.resolveSubmission(temp, "file:///repo.git"));
        assertEquals("git@host:repo.git", GradingRequest.resolveSubmission(temp, "git@host:repo.git"));
        assertEquals("", GradingRequest.resolveSubmission(temp, ""));
        assertEquals(temp.resolve("out"), GradingRequest.grade(temp, temp, "x").resolve(Path.of("out")));
    }

    @Test
    void theCourseComesFromTheCallersEnvironmentWhenNotGiven(@TempDir Path temp) {
        GradingRequest request = new GradingRequest(GradingRequest.Task.DEMO, temp, java.util.Optional.empty(),
                java.util.Map.of("GRADECHECK_COURSE", "/env/course", "PATH", "/bin"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.List.of(), java.util.Optional.empty(),
                java.util.Optional.empty());
        assertEquals(Path.of("/env/course"), request.courseRoot());
        assertEquals(java.util.Map.of("GRADECHECK_COURSE", "/env/course"), request.environment(),
                "only the variables a task reads are kept");
    }
}
