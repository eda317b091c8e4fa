package dev.gradecheck.batch;

import org.apiguardian.api.API;

/**
 * The batch cannot start as asked: a source that is none of the forms, an output folder that cannot be written, a
 * manual-grades file with a bad row. The message says what, where and how to fix it; nothing was graded or changed.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BatchRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public BatchRefused(String message) {
        super(message);
    }

    public BatchRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
