package dev.gradecheck.submission;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link StudentFileLocator} found for a written-answer file such as {@code ANSWERS.md}: its text, nothing, or
 * a file of that name it did not read.
 */
@API(status = API.Status.INTERNAL)
public sealed interface AnswerFile {

    /**
     * The file was read.
     *
     * @param path where it sits in the submission, forward slashes
     * @param text its text, decoded as UTF-8 (a leading byte-order mark removed); at most {@link #MAX_BYTES} bytes
     *     were read
     * @param unreadBytes how many bytes beyond {@link #MAX_BYTES} were not read; 0 for a file within the cap
     * @param invalidUtf8 whether bytes that are not UTF-8 were replaced by U+FFFD
     */
    record Read(String path, String text, long unreadBytes, boolean invalidUtf8) implements AnswerFile {

        /** Answer files beyond this are read only this far: a written answer is a few hundred words. */
        public static final int MAX_BYTES = 256 * 1024;

        public Read {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            if (unreadBytes < 0) {
                throw new IllegalArgumentException("unreadBytes must be >= 0, was " + unreadBytes);
            }
        }
    }

    /** The submission has no file of that name. */
    record Missing() implements AnswerFile {
    }

    /**
     * A file of that name is there but was not read.
     *
     * @param path where it sits in the submission, forward slashes
     * @param reason why, a phrase that continues "{@code <path> }", e.g. "is a symbolic link, which the grader never
     *     follows"
     * @param hint how to fix it, a sentence
     */
    record NotRead(String path, String reason, String hint) implements AnswerFile {

        public NotRead {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hint, "hint");
        }
    }
}
