package dev.gradecheck.sandbox;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.sandbox.child.Wire;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The report entries one test published, read the way the design page documents them: {@code gradecheck.credit}, a
 * decimal fraction in [0, 1] (the last valid one counts), and {@code gradecheck.diagnosis}, a JSON object
 * {@code {"code", "text", "numbers"}} per diagnosis. Malformed values are ignored with a note; other keys are ignored.
 * Not thread-safe.
 */
final class ReportEntries {

    static final String CREDIT = "gradecheck.credit";
    static final String DIAGNOSIS = "gradecheck.diagnosis";
    private static final int MAX_DIAGNOSES = 20;
    private static final int MAX_TEXT_CHARS = 1000;

    private final String test;
    private final List<String> notes;
    private final List<Diagnosis> diagnoses = new ArrayList<>();
    private OptionalDouble credit = OptionalDouble.empty();

    /** @param notes where to note ignored values (shared by the whole run) */
    ReportEntries(String test, List<String> notes) {
        this.test = test;
        this.notes = notes;
    }

    void accept(String key, String value) {
        if (CREDIT.equals(key)) {
            acceptCredit(value);
        } else if (DIAGNOSIS.equals(key)) {
            acceptDiagnosis(value);
        }
    }

    OptionalDouble credit() {
        return credit;
    }

    List<Diagnosis> diagnoses() {
        return List.copyOf(diagnoses);
    }

    private void acceptCredit(String value) {
        try {
            BigDecimal fraction = new BigDecimal(value.strip());
            if (fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) <= 0) {
                credit = OptionalDouble.of(fraction.doubleValue());
                return;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        notes.add(test + ": ignored " + CREDIT + " \"" + FailureMessage.cap(value) + "\": not a decimal in [0, 1]");
    }

    private void acceptDiagnosis(String value) {
        if (diagnoses.size() >= MAX_DIAGNOSES) {
            return;
        }
        try (JsonParser parser = Wire.json().createParser(new StringReader(value))) {
            parser.next();
            JsonObject json = parser.getObject();
            diagnoses.add(new Diagnosis(json.getString("code"), capped(json.getString("text", "")), numbers(json)));
        } catch (JsonException | IllegalStateException | IllegalArgumentException | ClassCastException
                 | NullPointerException e) {
            notes.add(test + ": ignored " + DIAGNOSIS + " \"" + FailureMessage.cap(value)
                    + "\": not a JSON object with a non-blank \"code\"");
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
        return value instanceof JsonString string ? capped(string.getString()) : capped(value.toString());
    }

    private static String capped(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + "…";
    }
}
