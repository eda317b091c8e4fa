package dev.gradecheck.cli;

import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.course.CourseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a command gets its {@link Grader}: a fresh one per command line run ({@link #fresh()}), or, in the grading
 * server, one kept per course with child JVMs on standby and replaced when the course's files change
 * ({@link #kept()}). Commands never close the grader they get.
 */
interface Graders extends AutoCloseable {

    /** A grader for the course at {@code courseRoot}. */
    Grader grader(Path courseRoot) throws CourseException;

    /** Stops whatever the graders keep running. */
    @Override
    void close();

    /** A new grader for every request: for one command line run. */
    static Graders fresh() {
        return new Graders() {
            @Override
            public Grader grader(Path courseRoot) throws CourseException {
                return Grader.create(GraderConfig.forCourse(courseRoot));
            }

            @Override
            public void close() {
            }
        };
    }

    /** One grader per course, with child JVMs on standby, reloaded when its course changed. Thread-safe. */
    static Graders kept() {
        return new Kept();
    }

    /** See {@link #kept()}. */
    final class Kept implements Graders {

        private final Map<Path, Grader> graders = new HashMap<>();

        @Override
        public synchronized Grader grader(Path courseRoot) throws CourseException {
            Path root = courseRoot.toAbsolutePath().normalize();
            Grader grader = graders.get(root);
            if (grader != null && grader.isCurrent()) {
                return grader;
            }
            Grader created = Grader.create(GraderConfig.forCourse(root).withStandby(true));
            graders.put(root, created);
            if (grader != null) {
                grader.close();
            }
            return created;
        }

        /** The course roots with a loaded grader. */
        synchronized List<Path> courses() {
            return new ArrayList<>(graders.keySet());
        }

        @Override
        public synchronized void close() {
            graders.values().forEach(Grader::close);
            graders.clear();
        }
    }
}
