package dev.gradecheck.toolkit;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Finding} as compact JSON by hand, so the toolkit needs no JSON library on the sandbox's class path.
 * Keys come in a fixed order ({@code code}, {@code text}, {@code numbers}; numbers sorted by key) and every
 * character outside printable ASCII is escaped, so output is byte-identical whatever the platform encoding.
 */
final class JsonText {

    private JsonText() {
    }

    static String of(Finding finding) {
        StringBuilder json = new StringBuilder("{\"code\":");
        appendString(json, finding.code());
        json.append(",\"text\":");
        appendString(json, finding.text());
        json.append(",\"numbers\":{");
        String separator = "";
        for (Map.Entry<String, String> number : finding.numbers().entrySet()) {
            json.append(separator);
            appendString(json, number.getKey());
            json.append(':');
            appendString(json, number.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }

    static void appendString(StringBuilder json, String value) {
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
