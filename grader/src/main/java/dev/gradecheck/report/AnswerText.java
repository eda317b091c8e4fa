package dev.gradecheck.report;

import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.WrittenAnswer;
import java.util.Arrays;

/**
 * How the report formats name a manual item's written answer in one phrase, e.g. "answer: 212 words in ANSWERS.md"
 * or "no answer yet: its section in ANSWERS.md is the template's" (the warning finding says more). The phrase
 * quotes only course data and the file's path, never the answer; a writer that shows the answer itself escapes it
 * for its target ({@link Escape}). Pure functions.
 */
final class AnswerText {

    private AnswerText() {
    }

    /** The phrase for {@code item}'s answer; empty when the item names no answer file. */
    static String status(ManualItemReport item) {
        return item.answer().map(AnswerText::status).orElse("");
    }

    static String status(WrittenAnswer answer) {
        return switch (answer.status()) {
            case PRESENT -> "answer: " + words(answer.text()) + " words in " + answer.path()
                    + (answer.cutChars() > 0 ? " (cut: " + answer.cutChars() + " more characters not carried)" : "");
            case MISSING_FILE -> "no answer yet: no " + answer.file();
            case MISSING_SECTION -> "no answer yet: no section `" + answer.section() + "` in " + answer.path();
            case EMPTY -> "no answer yet: its section in " + answer.path() + " is empty";
            case UNCHANGED -> "no answer yet: its section in " + answer.path() + " is the template's";
            case UNREADABLE -> "no answer: " + answer.path() + " was not read";
        };
    }

    private static long words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(word -> !word.isEmpty()).count();
    }
}
