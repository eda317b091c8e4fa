package dev.gradecheck.course;

import org.apiguardian.api.API;

/**
 * The exercise suite is invalid: a manifest is malformed, a file is missing, instructor code does not compile, or
 * the hidden tests and their manifest disagree. The message names the file, the field and the bad value, and is
 * meant for the exercise author.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CourseException extends Exception {

    private static final long serialVersionUID = 1L;

    public CourseException(String message) {
        super(message);
    }

    public CourseException(String message, Throwable cause) {
        super(message, cause);
    }
}
