package dev.gradecheck.report;

/**
 * Text made legal in XML 1.0: every character outside {@code #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]} (most C0 controls, unpaired surrogates, U+FFFE and U+FFFF) is removed, so that student
 * output with a NUL or an ESC cannot make the whole file unreadable. The markup characters themselves are the XML
 * writer's to escape. Pure functions, thread-safe.
 */
final class XmlText {

    private XmlText() {
    }

    /** {@code text} without the characters XML 1.0 forbids; the same string when it has none. */
    static String legal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean legal = legal(codePoint);
            if (!legal && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && legal) {
                out.appendCodePoint(codePoint);
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }

    private static boolean legal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
