package dev.gradecheck;

import org.apiguardian.api.API;

/**
 * The grading request cannot be carried out as given: the submission cannot be opened, or it names an exercise the
 * course does not have. The message says what is wrong and how to fix it. Student mistakes inside a submission are
 * never this exception: they are findings and outcomes in the report.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class InvalidRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
