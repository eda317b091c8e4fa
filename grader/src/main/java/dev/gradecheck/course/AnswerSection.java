package dev.gradecheck.course;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Where the written answer of a manual item is: a section of a Markdown file of the submission.
 *
 * <p>The file is found by its name alone, wherever it sits (the shallowest copy, any case); the section is the one
 * whose heading names {@code section} in backticks ({@code ## Exercise 5 `vanishing-gradients`}), and the answer is
 * what follows the line {@code <!-- Write your answer below this line. -->} in it.
 *
 * @param file the file's name, without folders, e.g. {@code ANSWERS.md}; letters, digits, {@code . _ -}
 * @param section the name the heading quotes in backticks, e.g. the exercise id; letters, digits, {@code . _ -}
 */
@API(status = API.Status.INTERNAL)
public record AnswerSection(String file, String section) {

    /** What {@link #file} and {@link #section} may hold: a plain name, no folder, no backtick, no space. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public AnswerSection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
        if (!NAME.matcher(file).matches() || file.equals(".") || file.equals("..")) {
            throw new IllegalArgumentException("an answer file is a plain file name like ANSWERS.md, was \"" + file + "\"");
        }
        if (!NAME.matcher(section).matches()) {
            throw new IllegalArgumentException("an answer section is a plain name like an exercise id, was \""
                    + section + "\"");
        }
    }
}
