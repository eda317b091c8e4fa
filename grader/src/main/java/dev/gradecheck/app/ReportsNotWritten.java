package dev.gradecheck.app;

/** The reports could not be written into the output folder; the message says where, why and how to fix it. */
final class ReportsNotWritten extends Exception {

    private static final long serialVersionUID = 1L;

    ReportsNotWritten(String message, Throwable cause) {
        super(message, cause);
    }
}
