package dev.gradecheck.verify;

import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.platform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The repository's own course, found above the working directory, and copies of it for tests that change it. */
final class RealCourse {

    private RealCourse() {
    }

    /** The course root: the nearest folder above the working directory holding exercises/ and student-template/. */
    static Path root() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (CourseLayout.isCourseRoot(folder)) {
                return folder;
            }
        }
        throw new IllegalStateException("no course root above " + Path.of("").toAbsolutePath());
    }

    /**
     * Copies exercises/, student-template/ and solutions/ (build output left out), the course file and the test
     * library it names (the toolkit's classes) into {@code target}; returns it.
     */
    static Path copyTo(Path target) {
        for (String part : new String[] {"exercises", "student-template", "solutions"}) {
            copyTree(root().resolve(part), target.resolve(part));
        }
        try {
            FileTrees.copy(root().resolve("course.json"), target.resolve("course.json"));
            FileTrees.copy(root().resolve("toolkit/target/classes"), target.resolve("toolkit/target/classes"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the course file and its test library to " + target, e);
        }
        return target;
    }

    private static void copyTree(Path from, Path to) {
        try {
            FileTrees.copy(from, to, relative -> !relative.getFileName().toString().equals("target"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
