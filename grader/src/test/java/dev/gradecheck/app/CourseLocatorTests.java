package dev.gradecheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLocatorTests {

    @TempDir
    Path root;

    @Test
    void prefersTheOptionThenTheEnvironmentThenTheEnclosingCourse() throws Exception {
        Files.createDirectories(root.resolve("exercises"));
        Files.createDirectories(root.resolve("student-template"));
        Path deep = Files.createDirectories(root.resolve("examples/partial"));
        assertEquals(Path.of("/opt/course"), CourseLocator.locate(Path.of("/opt/course"), "/env/course", deep));
        assertEquals(Path.of("/env/course"), CourseLocator.locate(null, "/env/course", deep));
        assertEquals(root.toRealPath(), CourseLocator.locate(null, null, deep).toRealPath());
    }

    @Test
    void saysHowToPointAtACourseWhenThereIsNone() {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> CourseLocator.locate(null, "", root));
        assertTrue(problem.getMessage().endsWith("pass --course DIR or set GRADECHECK_COURSE"), problem.getMessage());
    }

    @Test
    void namesReportFoldersAfterSubmissions() {
        assertEquals("typical-mistake", Reports.submissionName("examples/typical-mistake/"));
        assertEquals("hw1", Reports.submissionName("/tmp/hw1.zip"));
        assertEquals("alice_s_repo", Reports.submissionName("file:///srv/alice's repo.git"));
        assertEquals("submission", Reports.submissionName("."));
    }
}
