package dev.gradecheck.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads and writes the per-student reports as JSON trees, formatted exactly as the report writers format them
 * (pretty-printed, no HTML escaping; {@code report.json} with nulls), and numbers as they write them: 2 decimals at
 * most, whole numbers without a fraction.
 */
final class ReportJson {

    static final Gson REPORT = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    static final Gson RESULTS = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ReportJson() {
    }

    static JsonObject parse(String text) {
        return REPORT.fromJson(text, JsonObject.class);
    }

    /** The value as the writers write points: a whole number, or at most 2 decimals. */
    static JsonPrimitive number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return new JsonPrimitive(rounded.scale() <= 0 ? (Number) rounded.longValueExact() : (Number) rounded.doubleValue());
    }

    static double number(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? 0 : value.getAsDouble();
    }

    static String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}
