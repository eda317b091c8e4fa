package dev.gradecheck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-wraps one line of text for the terminal: nothing is cut or elided, a line breaks only at a space, and a word
 * longer than the width (a path, a URL) stays whole on a line of its own. Stateless.
 */
final class Wrap {

    /** The column the summary wraps at (a wide terminal's 132). */
    static final int WIDTH = 132;

    private Wrap() {
    }

    /**
     * The text as lines of at most {@link #WIDTH} characters where the words allow: the first starts with
     * {@code first}, the others with {@code next}; each ends in {@code \n}. Runs of spaces inside the text are kept
     * where no break falls; leading and trailing spaces are dropped.
     */
    static String lines(String first, String next, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : split(first.length(), next.length(), text.strip())) {
            out.append(out.isEmpty() ? first : next).append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> split(int firstIndent, int nextIndent, String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        int room = Math.max(20, WIDTH - firstIndent);
        while (rest.length() > room) {
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = rest.indexOf(' ', room);
            }
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut + 1).stripLeading();
            room = Math.max(20, WIDTH - nextIndent);
        }
        lines.add(rest);
        return lines;
    }
}
