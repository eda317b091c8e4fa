package dev.gradecheck.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The value of a {@link ReportEntryKeys#DIAGNOSIS} entry, both ways, and the one rule for misconception codes that
 * the toolkit (when a test makes a finding) and the grader (when it reads one) apply alike: lower-case letters and
 * digits, words joined by {@code -} (e.g. {@code missing-batch-sum}).
 *
 * <p>The JSON is written by hand, compactly, so the toolkit needs no JSON library: keys in a fixed order
 * ({@code code}, {@code text}, {@code numbers}; numbers sorted by key), every value a string, every character outside
 * printable ASCII escaped, so output is byte-identical whatever the platform encoding. Reading uses JSON-P
 * ({@link Wire#json()}). Stateless and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DiagnosisCodec {

    /** The rule for codes, as a regular expression. */
    public static final String CODE_RULE = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Pattern CODE = Pattern.compile(CODE_RULE);

    private DiagnosisCodec() {
    }

    /** One diagnosis as read from an entry: its code (valid), text and numbers (as written, not capped). */
    public record Decoded(String code, String text, Map<String, String> numbers) {

        /** Validates the code and copies the numbers (unmodifiable, in the order read). */
        public Decoded {
            requireCode(code, "Diagnosis");
            Objects.requireNonNull(text, "text");
            numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        }
    }

    /** Whether the code follows the rule: lower-case words (letters and digits) joined by {@code -}. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Returns the code if it follows the rule.
     *
     * @param code the code to check
     * @param what what the code belongs to, for the message (e.g. {@code Finding})
     * @throws NullPointerException     if the code is null
     * @throws IllegalArgumentException if it does not follow the rule: "WHAT code must be lower-case words joined by
     *                                  '-', was "CODE""
     */
    public static String requireCode(String code, String what) {
        Objects.requireNonNull(code, "code");
        if (!isCode(code)) {
            throw new IllegalArgumentException(what + " code must be lower-case words joined by '-', was \"" + code
                    + "\"");
        }
        return code;
    }

    /**
     * The entry value of a diagnosis: {@code {"code":"...","text":"...","numbers":{...}}}, numbers sorted by key.
     *
     * @throws IllegalArgumentException if the code does not follow the rule
     * @throws NullPointerException     if anything is null, or numbers holds a null key or value
     */
    public static String encode(String code, String text, Map<String, String> numbers) {
        requireCode(code, "Diagnosis");
        Objects.requireNonNull(text, "text");
        StringBuilder json = new StringBuilder("{\"code\":");
        appendString(json, code);
        json.append(",\"text\":");
        appendString(json, text);
        json.append(",\"numbers\":{");
        String separator = "";
        for (Map.Entry<String, String> number : new TreeMap<>(numbers).entrySet()) {
            json.append(separator);
            appendString(json, number.getKey());
            json.append(':');
            appendString(json, Objects.requireNonNull(number.getValue(), "number"));
            separator = ",";
        }
        return json.append("}}").toString();
    }

    /**
     * Reads an entry value: a JSON object with a {@code code} that follows the rule, a {@code text} (absent means
     * empty) and {@code numbers} (absent means none; a value that is not a string is taken as its JSON text).
     *
     * @throws IllegalArgumentException if the value is not such an object
     */
    public static Decoded decode(String value) {
        try (JsonParser parser = Wire.json().createParser(new StringReader(value))) {
            parser.next();
            JsonObject json = parser.getObject();
            return new Decoded(json.getString("code"), json.getString("text", ""), numbers(json));
        } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a JSON object with a \"code\" of lower-case words joined by '-'",
                    e);
        }
    }

    private static Map<String, String> numbers(JsonObject json) {
        Map<String, String> numbers = new LinkedHashMap<>();
        JsonObject given = json.getJsonObject("numbers");
        if (given != null) {
            given.forEach((name, number) -> numbers.put(name, text(number)));
        }
        return numbers;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static void appendString(StringBuilder json, String value) {
        JsonStrings.append(json, value);
    }
}
