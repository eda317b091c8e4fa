package dev.gradecheck.app;

import dev.gradecheck.course.CourseLayout;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/** Finds the course root: {@code --course}, else env {@code GRADECHECK_COURSE}, else the nearest enclosing course. */
@API(status = API.Status.INTERNAL)
public final class CourseLocator {

    public static final String ENVIRONMENT_VARIABLE = "GRADECHECK_COURSE";

    private CourseLocator() {
    }

    /**
     * The course root to use.
     *
     * @param option the {@code --course} value, may be null
     * @param environment the {@code GRADECHECK_COURSE} value, may be null
     * @param workingDirectory where to start walking up
     * @throws IllegalArgumentException saying how to point the grader at a course, when none is found
     */
    public static Path locate(Path option, String environment, Path workingDirectory) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment).toAbsolutePath().normalize();
        }
        return enclosingCourse(workingDirectory.toAbsolutePath().normalize()).orElseThrow(() -> new IllegalArgumentException(
                "no course found: neither " + workingDirectory.toAbsolutePath().normalize() + " nor a folder above it holds "
                        + "exercises/ and student-template/ — pass --course DIR or set " + ENVIRONMENT_VARIABLE));
    }

    private static Optional<Path> enclosingCourse(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (CourseLayout.isCourseRoot(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
