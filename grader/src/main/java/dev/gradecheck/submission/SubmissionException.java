package dev.gradecheck.submission;

import org.apiguardian.api.API;

/**
 * A submission that cannot be opened at all: missing path, unreadable or unsafe zip, not a git repository, unknown
 * git ref. The message says what went wrong and how to fix it, ready to print for the person who ran the grader.
 */
@API(status = API.Status.INTERNAL)
public final class SubmissionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with the given what-and-how-to-fix message. */
    public SubmissionException(String message) {
        super(message);
    }

    /** An exception with the given what-and-how-to-fix message and its underlying cause. */
    public SubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
