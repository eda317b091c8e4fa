package dev.gradecheck.cluster;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the coordinator learns about a job, exactly once per submission hash: it was graded (by which worker, with the
 * report's bytes), or it could not be graded (with the reason a person reads in the gradebook).
 */
@API(status = API.Status.EXPERIMENTAL)
public sealed interface Outcome permits Outcome.Graded, Outcome.NotGradable {

    /** The submission's content hash. */
    String submissionHash();

    /** The student the submission belongs to. */
    String student();

    /** Graded: the worker's report, as it wrote it. */
    record Graded(String submissionHash, String student, String workerId, byte[] report) implements Outcome {
        public Graded {
            Objects.requireNonNull(submissionHash, "submissionHash");
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(workerId, "workerId");
            report = Objects.requireNonNull(report, "report").clone();
        }

        @Override
        public byte[] report() {
            return report.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Graded graded && graded.submissionHash.equals(submissionHash)
                    && graded.student.equals(student) && graded.workerId.equals(workerId)
                    && Arrays.equals(graded.report, report);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionHash, student, workerId, Arrays.hashCode(report));
        }

        @Override
        public String toString() {
            return "Graded[" + student + " " + submissionHash + " by " + workerId + ", " + report.length + " bytes]";
        }
    }

    /** Not gradable: tried the most times allowed, too large to send, or refused; {@code reason} says which. */
    record NotGradable(String submissionHash, String student, String reason) implements Outcome {
        public NotGradable {
            Objects.requireNonNull(submissionHash, "submissionHash");
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
