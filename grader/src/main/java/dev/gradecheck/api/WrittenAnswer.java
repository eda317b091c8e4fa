package dev.gradecheck.api;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The written answer a submission holds for a manual item: a section of a Markdown file ({@code ANSWERS.md}) that a
 * person grades. The text is the student's, as written: a report format that renders it escapes it for its target.
 *
 * @param file the answer file the manifest names, e.g. {@code ANSWERS.md}
 * @param section the section whose heading quotes this name in backticks, e.g. {@code vanishing-gradients}
 * @param path where the file was read in the submission (relative, forward slashes); empty when none was read
 * @param status what was found
 * @param text the answer: the section's text after the line {@code <!-- Write your answer below this line. -->}
 *     (the whole section when that line was removed); empty unless {@link Status#PRESENT}
 * @param cutChars how many characters of the answer were cut to keep the report bounded, 0 when none; a file
 *     beyond the reading cap counts what was not read as unknown, so this is then at least 1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record WrittenAnswer(String file, String section, String path, Status status, String text, long cutChars) {

    /** The rule of the warning finding about an answer that is not there to grade. */
    public static final String FINDING_RULE = "written-answer";

    /** What the grader found where the answer should be. */
    @API(status = API.Status.STABLE, since = "0.1")
    public enum Status {
        /** An answer was written: the section differs from the template and is not empty. */
        PRESENT,
        /** The submission has no file of that name. */
        MISSING_FILE,
        /** The file has no heading quoting the section's name in backticks. */
        MISSING_SECTION,
        /** The section holds nothing once its heading and the marker line are left out. */
        EMPTY,
        /** The section is the template's, up to white space. */
        UNCHANGED,
        /** A file of that name is there but was not read: a symbolic link (never followed), a folder, not a file. */
        UNREADABLE;

        /** The lower-case name used in {@code report.json}, e.g. {@code missing_file}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public WrittenAnswer {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        if (status != Status.PRESENT && !text.isEmpty()) {
            throw new IllegalArgumentException("only a present answer has text, was " + status);
        }
        if (cutChars < 0) {
            throw new IllegalArgumentException("cutChars must be >= 0, was " + cutChars);
        }
    }

    /** True when there is an answer to grade. */
    public boolean present() {
        return status == Status.PRESENT;
    }
}
