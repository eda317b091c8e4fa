package dev.gradecheck.cluster;

import org.apiguardian.api.API;

/**
 * Grades one job on a worker: the submission's zip in, the report's bytes out, as the batch grades a submission (its
 * own fresh child JVM). A student's mistakes — a corrupt zip, code that does not compile, a crash — are in the
 * report; an exception means this worker could not grade at all (its course or sandbox broke), and the job goes to
 * another. Called from several slots at once.
 */
@API(status = API.Status.EXPERIMENTAL)
@FunctionalInterface
public interface JobGrader {

    /**
     * The report of {@code job}'s submission.
     *
     * @throws Exception when this worker cannot grade it; the message becomes the attempt's reason
     */
    byte[] grade(Job job) throws Exception;
}
