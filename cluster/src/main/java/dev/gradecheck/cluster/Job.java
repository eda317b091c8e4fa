package dev.gradecheck.cluster;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One submission to grade: its content hash (the key that makes completion idempotent), the student it belongs to,
 * the suite hash of the course it must be graded with, which attempt this is (1 for the first), and the submission
 * itself as a zip. Immutable: the bytes are copied in and out.
 *
 * @param submissionHash hex content hash of the submission, 16 to 128 hex digits
 * @param student        the student id, as the batch names the submission's folder
 * @param suiteHash      the suite hash of the course the coordinator grades with
 * @param attempt        1 for the first try, counted up each time the job is put back
 * @param zip            the submission, zipped
 */
@API(status = API.Status.EXPERIMENTAL)
public record Job(String submissionHash, String student, String suiteHash, int attempt, byte[] zip) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{16,128}");

    public Job {
        Objects.requireNonNull(submissionHash, "submissionHash");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(suiteHash, "suiteHash");
        Objects.requireNonNull(zip, "zip");
        if (!HEX.matcher(submissionHash).matches()) {
            throw new IllegalArgumentException("submissionHash must be 16..128 lower-case hex digits, was '"
                    + submissionHash + "'");
        }
        if (student.isBlank() || student.length() > 1000) {
            throw new IllegalArgumentException("student must be 1..1000 characters and not blank, was '" + student
                    + "'");
        }
        if (suiteHash.isBlank() || suiteHash.length() > 200) {
            throw new IllegalArgumentException("suiteHash must be 1..200 characters, was '" + suiteHash + "'");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        zip = zip.clone();
    }

    /** A first attempt. */
    public static Job of(String submissionHash, String student, String suiteHash, byte[] zip) {
        return new Job(submissionHash, student, suiteHash, 1, zip);
    }

    /** The submission's bytes (a copy). */
    @Override
    public byte[] zip() {
        return zip.clone();
    }

    /** The same job, one attempt later. */
    public Job nextAttempt() {
        return new Job(submissionHash, student, suiteHash, attempt + 1, zip);
    }

    /** How many bytes the zip has (no copy). */
    public int size() {
        return zip.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Job job && job.submissionHash.equals(submissionHash) && job.student.equals(student)
                && job.suiteHash.equals(suiteHash) && job.attempt == attempt && Arrays.equals(job.zip, zip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submissionHash, student, suiteHash, attempt, Arrays.hashCode(zip));
    }

    @Override
    public String toString() {
        return "Job[" + student + " " + submissionHash + ", attempt " + attempt + ", " + zip.length + " bytes]";
    }
}
