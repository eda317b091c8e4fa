package dev.gradecheck.report;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Student-derived text (file names, test messages, captured output, compiler messages quoting student code) made
 * safe for where it goes: one method per target. Student text is hostile: in Markdown it could render as a fake
 * heading, a link or a tracking image; on a terminal an ESC sequence could rewrite what was printed before it.
 * {@code report.json} needs none of this: it keeps the raw text, JSON-escaped.
 *
 * <p>Every target first makes invisible characters visible ({@link #terminal}): C0 and C1 control characters
 * other than line feed and tab, DEL, Unicode bidirectional overrides and isolates, and other invisible format
 * characters. A backslash in the text itself stays as it is. All methods are pure functions: thread-safe, never null
 * for non-null input.
 */
@API(status = API.Status.INTERNAL)
public final class Escape {

    /**
     * Characters with a meaning in Markdown on one line; each gets a backslash (CommonMark allows one before any
     * punctuation). A full stop or parenthesis matters only after digits at the start of a line (an ordered list):
     * {@link #escapeListNumber} handles that one place.
     */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_{}[]()<>#+-!|~&$^";

    private Escape() {
    }

    /**
     * For a terminal: {@code text} with every character that could move the cursor, recolour, retitle or reorder
     * what is shown written as a visible escape instead: ESC as {@code \e}, CR as {@code \r}, backspace as
     * {@code \b}, BEL as {@code \a}, form feed as {@code \f}, vertical tab as {@code \v}, other C0 controls and DEL
     * as {@code \x1F}, C1 controls, bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), marks
     * (U+200E, U+200F, U+061C), line and paragraph separators and other invisible format characters as
     * {@code \u202E}. Line feeds and tabs stay, as do zero-width (non-)joiners, which scripts and emoji need.
     */
    public static String terminal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String visible = visible(c);
            if (visible != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(visible != null ? visible : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Markdown prose on one line (a table cell, a list item): line breaks become spaces and every Markdown
     * metacharacter, backticks included, is backslash-escaped, so nothing renders as a heading, a list, emphasis, a
     * link, an image, HTML, an entity or a table cell boundary.
     */
    public static String markdownText(String text) {
        String line = oneLine(terminal(text));
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            appendEscaped(out, line.charAt(i));
        }
        return escapeListNumber(out.toString());
    }

    /**
     * Markdown prose on one line that may quote code between backticks, as the grader's messages do
     * ({@code expected `;`}): like {@link #markdownText}, but a balanced code span stays a code span (inside one,
     * Markdown renders nothing); a backtick without its partner is escaped.
     */
    public static String markdownInline(String text) {
        String line = oneLine(terminal(text));
        StringBuilder out = new StringBuilder(line.length() + 16);
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                appendEscaped(out, line.charAt(i++));
                continue;
            }
            int run = runAt(line, i);
            int close = closingRun(line, i + run, run);
            if (close < 0) {
                out.append("\\`".repeat(run));
                i += run;
            } else {
                out.append(line, i, close + run);
                i = close + run;
            }
        }
        return escapeListNumber(out.toString());
    }

    /** {@code text} as an inline code span on one line, its fence longer than any backtick run inside it. */
    public static String markdownCode(String text) {
        String line = oneLine(terminal(text));
        String fence = "`".repeat(longestBacktickRun(line) + 1);
        boolean pad = line.isEmpty() || line.startsWith("`") || line.endsWith("`") || line.startsWith(" ")
                || line.endsWith(" ");
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    /**
     * {@code text} as a fenced code block (info string {@code text}) whose fence is longer than any backtick run
     * inside it, ending in a line feed; its lines stay, nothing inside renders.
     */
    public static String markdownBlock(String text) {
        String visible = terminal(text);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(visible) + 1));
        String body = visible.endsWith("\n") ? visible : visible + "\n";
        return fence + "text\n" + body + fence + "\n";
    }

    /** For HTML text and attribute values: {@code & < > " '} as entities, invisible characters made visible. */
    public static String html(String text) {
        String visible = terminal(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The visible form of {@code c}, or null when it shows as itself. */
    private static String visible(char c) {
        switch (c) {
            case '\n', '\t', '\u200C', '\u200D':
                return null;
            case '\u001B':
                return "\\e";
            case '\r':
                return "\\r";
            case '\b':
                return "\\b";
            case '\u0007':
                return "\\a";
            case '\f':
                return "\\f";
            case '\u000B':
                return "\\v";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            return String.format(Locale.ROOT, "\\x%02X", (int) c);
        }
        int type = Character.getType(c);
        if (c >= 0x80 && c <= 0x9F || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format(Locale.ROOT, "\\u%04X", (int) c);
        }
        return null;
    }

    private static void appendEscaped(StringBuilder out, char c) {
        if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    /** {@code 1.} at the start would begin an ordered list: {@code 1\.}. */
    private static String escapeListNumber(String line) {
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits < line.length() && line.charAt(digits) == '.'
                ? line.substring(0, digits) + "\\" + line.substring(digits) : line;
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\t', ' ');
    }

    private static int runAt(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - start;
    }

    /** Where the next backtick run of exactly {@code length} starts at or after {@code from}; -1 if none. */
    private static int closingRun(String text, int from, int length) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int run = runAt(text, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
