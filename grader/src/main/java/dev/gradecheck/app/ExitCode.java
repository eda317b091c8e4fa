package dev.gradecheck.app;

import org.apiguardian.api.API;

/** The grader's exit codes. A low score is still a successful grading run: {@link #OK}. */
@API(status = API.Status.INTERNAL)
public enum ExitCode {
    /** Grading ran (whatever the score). */
    OK(0),
    /** A bug in the grader; the message asks to report it. */
    INTERNAL(1),
    /** Bad arguments, or a submission that cannot be opened. */
    USAGE(2),
    /** The exercise suite (manifests, instructor code) is invalid. */
    INVALID_SUITE(3),
    /** {@code verify}: the suite loaded, but some variant did not score as it must (the output names it). */
    VERIFY_FAILED(4),
    /** {@code grade --require-isolation LEVEL}: this machine cannot isolate student code that far; nothing was graded. */
    ISOLATION(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    public static ExitCode of(int code) {
        for (ExitCode exitCode : values()) {
            if (exitCode.code == code) {
                return exitCode;
            }
        }
        return INTERNAL;
    }
}
