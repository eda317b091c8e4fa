package dev.gradecheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * What the student-facing formats cut to stay within the platforms' limits. PrairieLearn rejects a
 * {@code results.json} over 1 MB; Gradescope publishes no limit, so its file is held to the same 1 MB and its
 * outputs to the same per-test caps. A writer first renders with {@link #PER_TEST_CHARS}; when the file is still too
 * big (hundreds of tests that all print), it renders again with each smaller cap of {@link #STEPS} until it fits.
 * Every cut says so where it happened, with the number of characters cut.
 */
final class OutputLimits {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The most bytes of a whole results file (UTF-8): PrairieLearn's documented 1 MB, with room to spare. */
    static final int FILE_BYTES = 1_000_000;

    /** The most characters of one test's message or captured output, before the file-size steps. */
    static final int PER_TEST_CHARS = 8_000;

    /** The most characters of a top-level overview. */
    static final int OVERVIEW_CHARS = 20_000;

    /** The per-test caps tried in turn until the file fits. */
    static final int[] STEPS = {PER_TEST_CHARS, 2_000, 400, 0};

    private OutputLimits() {
    }

    /**
     * {@code text} cut to at most {@code max} characters (never inside a surrogate pair).
     *
     * @return the kept text and how many characters were cut
     */
    static Cut cap(String text, int max) {
        if (text.length() <= max) {
            return new Cut(text, 0);
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return new Cut(text.substring(0, end), text.length() - end);
    }

    /** {@code text} cut to {@code max} characters, a line saying how much was cut appended when anything was. */
    static String capWithNote(String text, int max) {
        Cut cut = cap(text, max);
        return cut.cut() == 0 ? text : cut.text() + "\n" + cut.note();
    }

    /**
     * Renders {@code json} (built for a per-test cap) as pretty JSON with a closing newline, with each cap of
     * {@link #STEPS} in turn until the text fits {@link #FILE_BYTES}; the last step's text when none does.
     */
    static String renderWithin(IntFunction<JsonElement> json) {
        String rendered = "";
        for (int cap : STEPS) {
            rendered = GSON.toJson(json.apply(cap)) + "\n";
            if (fits(rendered)) {
                break;
            }
        }
        return rendered;
    }

    /** Whether {@code rendered} fits {@link #FILE_BYTES}. */
    static boolean fits(String rendered) {
        return rendered.getBytes(StandardCharsets.UTF_8).length <= FILE_BYTES;
    }

    /**
     * Kept text and the number of characters cut from its end.
     *
     * @param text never null
     * @param cut {@code >= 0}
     */
    record Cut(String text, long cut) {

        /** {@code [... 1234 more characters cut to stay within the platform's output limit]}. */
        String note() {
            return "[... " + cut + " more characters cut to stay within the platform's output limit]";
        }
    }
}
