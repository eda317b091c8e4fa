package dev.gradecheck.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PrairieLearn's external-grading results.json (PrairieLearn docs, externalGrading.md, summarized in
 * shared/reference/lms-formats.md) as checks: known fields only, each of its documented type; {@code score} in
 * [0, 1] and required when gradable; {@code format_errors} only with {@code gradable: false}; every test with both
 * {@code points} and {@code max_points} (otherwise PrairieLearn shows no test's points); images as data or http(s)
 * URLs with a label; the whole file under 1 MB.
 */
public final class PrairieLearnSpec {

    private static final int MAX_BYTES = 1 << 20;
    private static final Map<String, String> TOP_LEVEL = Map.of("gradable", "boolean", "score", "number",
            "format_errors", "strings", "message", "string", "output", "string", "images", "images",
            "tests", "array");
    private static final Map<String, String> PER_TEST = Map.of("name", "string", "description", "string",
            "points", "number", "max_points", "number", "message", "string", "output", "string", "images", "images");

    private PrairieLearnSpec() {
    }

    /** Every way {@code rendered} departs from the documented shape; empty when it conforms. */
    public static List<String> violations(String rendered) {
        List<String> violations = new ArrayList<>();
        if (rendered.getBytes(StandardCharsets.UTF_8).length >= MAX_BYTES) {
            violations.add("the file must be under 1 MB, was " + rendered.getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
        JsonObject results = com.google.gson.JsonParser.parseString(rendered).getAsJsonObject();
        check(results, TOP_LEVEL, "", violations);
        boolean gradable = !results.has("gradable") || results.get("gradable").getAsBoolean();
        if (gradable && !results.has("score")) {
            violations.add("score is required when gradable");
        }
        if (results.has("score") && results.get("score").isJsonPrimitive()) {
            double score = results.get("score").getAsDouble();
            if (!(score >= 0 && score <= 1)) {
                violations.add("score must be in [0, 1], was " + score);
            }
        }
        if (gradable && results.has("format_errors")) {
            violations.add("format_errors belong to an ungradable result");
        }
        if (results.has("tests") && results.get("tests").isJsonArray()) {
            int i = 0;
            for (JsonElement test : results.getAsJsonArray("tests")) {
                String where = "tests[" + i++ + "].";
                check(test.getAsJsonObject(), PER_TEST, where, violations);
                if (!test.getAsJsonObject().has("points") || !test.getAsJsonObject().has("max_points")) {
                    violations.add(where + " needs points and max_points, or no test's points are shown");
                }
            }
        }
        return violations;
    }

    private static void check(JsonObject object, Map<String, String> fields, String where, List<String> violations) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String type = fields.get(entry.getKey());
            if (type == null) {
                violations.add(where + entry.getKey() + " is not a PrairieLearn field");
            } else if (!hasType(entry.getValue(), type)) {
                violations.add(where + entry.getKey() + " must be " + type + ", was " + entry.getValue());
            }
        }
    }

    private static boolean hasType(JsonElement value, String type) {
        return switch (type) {
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case "array" -> value.isJsonArray() && value.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonObject);
            case "strings" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                    || value.isJsonArray() && value.getAsJsonArray().asList().stream()
                            .allMatch(item -> item.isJsonPrimitive() && item.getAsJsonPrimitive().isString());
            case "images" -> value.isJsonArray() && value.getAsJsonArray().asList().stream()
                    .allMatch(image -> image.isJsonObject() && image.getAsJsonObject().has("label")
                            && image.getAsJsonObject().has("url")
                            && image.getAsJsonObject().get("url").getAsString().matches("(data:image/|https?://).*"));
            default -> false;
        };
    }
}
