package dev.gradecheck.report.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Student text made safe to look at, before the template engine escapes it for HTML: ANSI escape sequences (colours,
 * cursor moves) removed, Unicode bidirectional controls shown as {@code [U+202E]} (so code cannot read differently
 * from how it compiles, "Trojan Source"), other control characters except tab and line feed shown as their Control
 * Pictures ({@code ␛} for ESC). Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class DisplayText {

    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-_])");

    private DisplayText() {
    }

    /** {@code text} without ANSI escapes, its invisible and reordering characters made visible; never null. */
    public static String of(String text) {
        String plain = ANSI.matcher(text == null ? "" : text).replaceAll("");
        StringBuilder shown = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> append(shown, c));
        return shown.toString();
    }

    private static void append(StringBuilder shown, int c) {
        if (c == '\n' || c == '\t') {
            shown.append((char) c);
        } else if (c < 0x20) {
            shown.append((char) (0x2400 + c));
        } else if (c == 0x7F) {
            shown.append('\u2421');
        } else if (isBidiControl(c) || c >= 0x80 && c < 0xA0 || c == 0xFEFF || c >= 0x200B && c <= 0x200D) {
            shown.append(String.format(Locale.ROOT, "[U+%04X]", c));
        } else {
            shown.appendCodePoint(c);
        }
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
