package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Why a grading has no scores: it was {@link Kind#REFUSED refused} (the request cannot be carried out: a submission
 * that cannot be opened, an unknown exercise, isolation below what was required) or it {@link Kind#FAILED failed}
 * (the suite is invalid, a file the grader needs cannot be read or written, an internal error).
 *
 * @param kind refused or failed
 * @param reason what went wrong and how to fix it, never blank
 */
@API(status = API.Status.STABLE, since = "0.1")
public record NotGraded(Kind kind, String reason) {

    public NotGraded {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a grading without scores says why");
        }
    }

    /** Refused or failed, with the name {@code report.json}'s {@code status} gives it. */
    public enum Kind {
        /** Nothing was graded: the request cannot be carried out. */
        REFUSED("refused"),
        /** Grading broke before it could score anything. */
        FAILED("failed");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** {@code refused} or {@code failed}. */
        public String jsonName() {
            return jsonName;
        }
    }
}
