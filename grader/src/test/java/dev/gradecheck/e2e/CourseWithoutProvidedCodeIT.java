package dev.gradecheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.course.Course;
import dev.gradecheck.testing.TinyCourse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course whose template holds only the student file: no provided code at all. Its (empty) provided-classes folder
 * is still on the child's class path, so it must exist, whatever isolation the machine gives (as root, bubblewrap
 * binds every class path entry and refuses one that does not exist).
 */
class CourseWithoutProvidedCodeIT {

    @TempDir
    Path folder;

    @Test
    void gradesACourseThatHasNoProvidedCodeAtFullMarks() throws Exception {
        Path course = TinyCourse.write(folder.resolve("course"));
        Files.delete(course.resolve("student-template/src/main/java/demo/calc/Numbers.java"));
        TinyCourse.file(course, "solutions/src/main/java/demo/calc/Calc.java", SOLUTION);
        Path submission = folder.resolve("alice");
        TinyCourse.file(submission, "Calc.java", SOLUTION);

        try (Grader grader = Grader.create(GraderConfig.forCourse(course))) {
            assertTrue(Files.isDirectory(Course.load(course).build().providedClasses()),
                    "the provided classes' folder exists even when it is empty");
            GradeReport report = grader.grade(GradeRequest.of(submission.toString()));
            assertEquals(5, report.score(), () -> report.exercises().toString());
        }
    }

    private static final String SOLUTION = """
            package demo.calc;
            public final class Calc { public static int add(int a, int b) { return a + b; } }
            """;
}
