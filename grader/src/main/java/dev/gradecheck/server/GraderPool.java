package dev.gradecheck.server;

import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.app.Graders;
import dev.gradecheck.course.CourseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The grading server's graders: one per course, with child JVMs on standby, replaced when the course's files change.
 * Thread-safe; {@link #close()} stops every grader it keeps.
 */
@API(status = API.Status.INTERNAL)
public final class GraderPool implements Graders {

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
