package dev.gradecheck.ratelimit;

import org.apiguardian.api.API;

/**
 * {@code submission_metadata.json} cannot be read or does not have the documented shape. The message names the file,
 * the field and the bad value. Not the student's doing: a caller applies no limit and says so.
 */
@API(status = API.Status.INTERNAL)
public final class MetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    MetadataException(String message) {
        super(message);
    }

    MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
