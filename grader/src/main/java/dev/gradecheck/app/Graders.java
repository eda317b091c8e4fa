package dev.gradecheck.app;

import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.course.CourseException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Where a task gets its {@link Grader}: a fresh one per command line run ({@link #fresh()}), or, in the grading
 * server, one kept per course with child JVMs on standby ({@code dev.gradecheck.server.GraderPool}). Tasks never
 * close the grader they get.
 */
@API(status = API.Status.INTERNAL)
public interface Graders extends AutoCloseable {

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
}
