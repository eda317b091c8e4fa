package dev.gradecheck.protocol;

import java.util.Locale;

/**
 * JSON string literals written by hand, the one way the codecs write them: every character outside printable ASCII
 * escaped, so their output is byte-identical whatever the platform encoding. Stateless.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code value} as a quoted JSON string. */
    static void append(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            appendCharacter(json, value.charAt(i));
        }
        json.append('"');
    }

    private static void appendCharacter(StringBuilder json, char c) {
        switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            case '\b' -> json.append("\\b");
            case '\f' -> json.append("\\f");
            default -> {
                if (c < 0x20 || c > 0x7e) {
                    json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
        }
    }
}
